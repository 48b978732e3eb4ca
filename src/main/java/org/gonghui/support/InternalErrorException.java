package org.gonghui.support;

/** An unexpected failure; details are in the server log under the reference in the message, never in the response. */
public class InternalErrorException extends ApiException {

    public InternalErrorException(String message) {
        super(ErrorCode.INTERNAL, message);
    }
}
