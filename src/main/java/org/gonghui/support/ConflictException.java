package org.gonghui.support;

import io.smallrye.graphql.api.ErrorCode;

/** The operation conflicts with the current state: a stale version, a concurrent change or a blocking dependant. */
@ErrorCode("CONFLICT")
public class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "CONFLICT";
    }
}
