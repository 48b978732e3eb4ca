package org.gonghui.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;

import io.vertx.ext.web.Router;

/**
 * When the database is down while a token is being checked (before GraphQL runs), the request fails
 * outside GraphQL; this answers it with 503 and an UNAVAILABLE error instead of a bare 500.
 */
@ApplicationScoped
public class UnavailableResponses {

    void install(@Observes Router router) {
        router.route().order(-300).failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            while (failure != null && !(failure instanceof UnavailableException)) {
                failure = failure.getCause();
            }
            if (failure == null || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(503).putHeader("Retry-After", "5")
                    .putHeader("Content-Type", GraphQLRequestGuard.GRAPHQL_RESPONSE + ";charset=UTF-8")
                    .end(Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("message", failure.getMessage())
                            .add("extensions", Json.createObjectBuilder().add("code", "UNAVAILABLE")))).build().toString());
        });
    }
}
