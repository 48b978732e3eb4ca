package org.gonghui.support;

/** A dependency (the database) cannot be reached; the client should retry later. Nothing changed. */
public class UnavailableException extends ApiException {

    public UnavailableException() {
        super(ErrorCode.UNAVAILABLE, "服务暂不可用，请稍后重试 (the database cannot be reached; nothing was changed, retry shortly)");
    }
}
