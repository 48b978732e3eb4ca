package org.gonghui.support;

/** The target does not exist or lies outside the caller's subtree (the two are indistinguishable). */
public class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }
}
