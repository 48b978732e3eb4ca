package org.gonghui.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.gonghui.support.ErrorCode;
import org.gonghui.support.RestErrors;

import io.vertx.core.http.HttpMethod;
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
        router.route(HttpMethod.POST, RosterImportResource.PATH).order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long announced;
            try {
                announced = length == null ? -1 : Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                announced = -1;
            }
            if (announced > config.maxBytes()) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/json;charset=UTF-8").putHeader("Connection", "close")
                        .end(RestErrors.body(ErrorCode.LIMIT_EXCEEDED, RosterImportResource.tooLarge(config).getMessage()));
                return;
            }
            ctx.next();
        });
    }
}
