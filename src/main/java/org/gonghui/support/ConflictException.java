package org.gonghui.support;

/** The operation conflicts with the current state: a stale version, a concurrent change or a blocking dependant. */
public class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }
}
