package org.gonghui.support;

import java.util.function.Supplier;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * The one early check of an upload's announced size: a route ahead of the REST layer that answers a POST
 * whose Content-Length exceeds the limit with 413 LIMIT_EXCEEDED in the API's error format before its body
 * is read, and closes the connection. A body without a Content-Length (chunked) is counted while it is read
 * by the endpoint itself and refused the same way once it passes the limit.
 */
public final class UploadSizeLimit {

    private UploadSizeLimit() {
    }

    /** Installs the check for POSTs to {@code path} (a Vert.x route path, e.g. {@code /x/:id/files}). */
    public static void install(Router router, String path, long maxBytes, Supplier<String> tooLargeMessage) {
        router.route(HttpMethod.POST, path).order(-100).handler(ctx -> {
            if (announcedLength(ctx.request().getHeader("Content-Length")) > maxBytes) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json;charset=UTF-8").putHeader("Connection", "close")
                        .end(RestErrors.body(ErrorCode.LIMIT_EXCEEDED, tooLargeMessage.get()));
                return;
            }
            ctx.next();
        });
    }

    /** The announced length, or -1 when none or not a number (the body is then counted while read). */
    static long announcedLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
