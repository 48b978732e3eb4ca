package org.gonghui.support;

/** The caller used up their requests for now; nothing was done. */
public class RateLimitedException extends ApiException {

    public RateLimitedException(long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, "请求过于频繁，请 " + retryAfterSeconds + " 秒后重试 (too many requests; retry in " + retryAfterSeconds + " s)");
    }

    /** A refusal with its own wording (which budget ran out), still ending in when to retry. */
    public RateLimitedException(String message) {
        super(ErrorCode.RATE_LIMITED, message);
    }
}
