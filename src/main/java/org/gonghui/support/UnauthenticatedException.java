package org.gonghui.support;

/** The operation needs a signed-in caller and the request carried no token. */
public class UnauthenticatedException extends ApiException {

    public UnauthenticatedException(String message) {
        super(ErrorCode.UNAUTHENTICATED, message);
    }
}
