package org.gonghui.support;

import io.smallrye.graphql.api.ErrorCode;

/** The operation needs a signed-in caller and the request carried no token. */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends ApiException {

    public UnauthenticatedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UNAUTHENTICATED";
    }
}
