package org.gonghui.support;

import io.smallrye.graphql.api.ErrorCode;

/** The request asks for more than a configured limit allows (for example a page size). */
@ErrorCode("LIMIT_EXCEEDED")
public class LimitExceededException extends ApiException {

    public LimitExceededException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "LIMIT_EXCEEDED";
    }
}
