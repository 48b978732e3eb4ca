package org.gonghui.support;

/**
 * A failure that is part of the API contract: it reaches the client with its message and a stable
 * {@code extensions.code} ({@link ErrorCode}). Subclasses fix the code; no stack trace is captured
 * (they are expected).
 */
public abstract class ApiException extends RuntimeException {

    private final ErrorCode errorCode;

    protected ApiException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    /** The stable code the client sees in {@code errors[].extensions.code}. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
