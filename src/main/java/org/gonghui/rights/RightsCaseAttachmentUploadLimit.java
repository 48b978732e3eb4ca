package org.gonghui.rights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.gonghui.support.UploadSizeLimit;

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
        UploadSizeLimit.install(router, RightsCaseAttachmentResource.PATH + "/:id/attachments", config.maxBytes(),
                () -> RightsCaseAttachmentService.tooLarge(config).getMessage());
    }
}
