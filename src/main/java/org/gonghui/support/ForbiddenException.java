package org.gonghui.support;

/** The caller may see the target but lacks the authority for this operation. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
