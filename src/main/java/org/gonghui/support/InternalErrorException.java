package org.gonghui.support;

import io.smallrye.graphql.api.ErrorCode;

/** An unexpected failure; details are in the server log under the reference in the message, never in the response. */
@ErrorCode("INTERNAL")
public class InternalErrorException extends ApiException {

    public InternalErrorException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "INTERNAL";
    }
}
