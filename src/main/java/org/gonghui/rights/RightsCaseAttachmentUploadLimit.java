package org.gonghui.rights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.gonghui.support.ErrorCode;
import org.gonghui.support.RestErrors;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Refuses an attachment upload whose announced size (Content-Length) exceeds
 * gonghui.rights-attachments.max-bytes before its body is read: 413 LIMIT_EXCEEDED in the API's error
 * format, and the connection closes. A body without a Content-Length (chunked) is counted while read
 * by {@link RightsCaseAttachmentService#upload} and refused the same way once it passes the limit.
 */
@ApplicationScoped
public class RightsCaseAttachmentUploadLimit {

    @Inject
    RightsCaseAttachmentConfig config;

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, RightsCaseAttachmentResource.PATH + "/:id/attachments").order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long announced;
            try {
                announced = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                announced = -1;
            }
            if (announced > config.maxBytes()) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json;charset=UTF-8").putHeader("Connection", "close")
                        .end(RestErrors.body(ErrorCode.LIMIT_EXCEEDED, RightsCaseAttachmentService.tooLarge(config).getMessage()));
                return;
            }
            ctx.next();
        });
    }
}
