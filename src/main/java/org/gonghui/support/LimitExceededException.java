package org.gonghui.support;

/** The request asks for more than a configured limit allows (for example a page size). */
public class LimitExceededException extends ApiException {

    public LimitExceededException(String message) {
        super(ErrorCode.LIMIT_EXCEEDED, message);
    }
}
