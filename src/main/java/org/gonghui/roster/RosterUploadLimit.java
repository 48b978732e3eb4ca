package org.gonghui.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.gonghui.support.UploadSizeLimit;

import io.vertx.ext.web.Router;

/**
 * Refuses an upload whose announced size exceeds gonghui.roster.max-bytes before its body is read,
 * with 413 LIMIT_EXCEEDED in the API's error format (the HTTP layer's own limit answers without a
 * body). Uploads without a Content-Length are counted while read by {@link RosterImportResource}.
 */
@ApplicationScoped
public class RosterUploadLimit {

    @Inject
    RosterConfig config;

    void install(@Observes Router router) {
        UploadSizeLimit.install(router, RosterImportResource.PATH, config.maxBytes(), () -> RosterImportResource.tooLarge(config).getMessage());
    }
}
