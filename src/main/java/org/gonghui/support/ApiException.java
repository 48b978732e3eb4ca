package org.gonghui.support;

/**
 * A failure that is part of the API contract: it reaches the client with its message and a stable
 * {@code extensions.code}. Subclasses fix the code; no stack trace is captured (they are expected).
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message, null, false, false);
    }

    /** The stable code the client sees in {@code errors[].extensions.code}. */
    public abstract String code();
}
