package org.gonghui.support;

/**
 * Every code a client can find in {@code errors[].extensions.code}, with the HTTP status it stands for
 * outside GraphQL field errors (REST endpoints, refusals before GraphQL runs). The README's table of
 * codes lists exactly these. Adding a code is one line here, a row there, and the exception that
 * carries it.
 */
public enum ErrorCode {

    /** The HTTP request itself is wrong: not a GraphQL request, a document that does not parse or validate. */
    BAD_REQUEST(400),
    /** Input breaks a rule; the message starts with the field path. */
    VALIDATION(400),
    /** No token, or one that is invalid or refused. */
    UNAUTHENTICATED(401),
    /** The caller may see the target but lacks the authority. */
    FORBIDDEN(403),
    /** Missing, or outside the caller's subtree: the two are indistinguishable. */
    NOT_FOUND(404),
    /** A stale version, a concurrent change or a state that forbids the operation. */
    CONFLICT(409),
    /** More than a configured limit allows (document, page size, body, statement time). */
    LIMIT_EXCEEDED(413),
    /** The caller used up a budget for now. */
    RATE_LIMITED(429),
    /** An unexpected failure, logged under a reference given in the message. */
    INTERNAL(500),
    /** The database cannot be reached; nothing changed. */
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The status of a response that carries only this error outside GraphQL (REST, before GraphQL runs). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The code of a refusal that arrives as a bare HTTP status (JAX-RS's own, Vert.x's): the code of that status, else BAD_REQUEST or INTERNAL. */
    public static ErrorCode ofHttpStatus(int status) {
        if (status >= 500) {
            return status == UNAVAILABLE.httpStatus ? UNAVAILABLE : INTERNAL;
        }
        for (ErrorCode code : values()) {
            if (code.httpStatus == status && code != VALIDATION) {
                return code;
            }
        }
        return BAD_REQUEST;
    }
}
