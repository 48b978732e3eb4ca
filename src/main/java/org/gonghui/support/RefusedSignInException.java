package org.gonghui.support;

/**
 * Why a valid token was refused, when the caller may be told (their union was dissolved or merged):
 * the cause of the authentication failure, answered 401 UNAUTHENTICATED with this message instead of
 * the generic one.
 */
public class RefusedSignInException extends RuntimeException {

    public RefusedSignInException(String message) {
        super(message, null, false, false);
    }
}
