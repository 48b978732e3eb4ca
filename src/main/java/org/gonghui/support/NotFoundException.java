package org.gonghui.support;

import io.smallrye.graphql.api.ErrorCode;

/** The target does not exist or lies outside the caller's subtree (the two are indistinguishable). */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}
