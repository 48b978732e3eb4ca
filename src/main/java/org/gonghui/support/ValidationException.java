package org.gonghui.support;

import io.smallrye.graphql.api.ErrorCode;

/** Input breaks a rule; the message names the field and the rule. */
@ErrorCode("VALIDATION")
public class ValidationException extends ApiException {

    public ValidationException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "VALIDATION";
    }
}
