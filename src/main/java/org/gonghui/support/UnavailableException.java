package org.gonghui.support;

import io.smallrye.graphql.api.ErrorCode;

/** A dependency (the database) cannot be reached; the client should retry later. Nothing changed. */
@ErrorCode("UNAVAILABLE")
public class UnavailableException extends ApiException {

    public UnavailableException() {
        super("服务暂不可用，请稍后重试 (the database cannot be reached; nothing was changed, retry shortly)");
    }

    @Override
    public String code() {
        return "UNAVAILABLE";
    }
}
