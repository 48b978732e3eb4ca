package org.gonghui.support;

import io.smallrye.graphql.api.ErrorCode;

/** The caller may see the target but lacks the authority for this operation. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "FORBIDDEN";
    }
}
