package org.gonghui.support;

/** Input breaks a rule; the message names the field and the rule. */
public class ValidationException extends ApiException {

    public ValidationException(String message) {
        super(ErrorCode.VALIDATION, message);
    }
}
