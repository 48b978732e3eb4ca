package org.gonghui.support;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers requests that fail before GraphQL runs in the GraphQL response format, with a code: a
 * refused bearer token is 401 UNAUTHENTICATED (with the standard {@code WWW-Authenticate: Bearer}
 * challenge), an unreachable database while checking the token is 503 UNAVAILABLE.
 */
@ApplicationScoped
public class FailureResponses {

    void install(@Observes Router router) {
        router.route().order(-300).failureHandler(ctx -> {
            if (ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            Throwable unavailable = find(ctx.failure(), UnavailableException.class);
            if (unavailable != null) {
                ctx.response().putHeader("Retry-After", "5");
                respond(ctx, 503, "UNAVAILABLE", unavailable.getMessage());
                return;
            }
            if (find(ctx.failure(), AuthenticationFailedException.class) != null) {
                Throwable explained = find(ctx.failure(), RefusedSignInException.class);
                ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                respond(ctx, 401, "UNAUTHENTICATED", explained != null ? explained.getMessage()
                        : "访问令牌无效 (the bearer token is invalid, expired, for another audience, or not bound to one tier and union)");
                return;
            }
            ctx.next();
        });
    }

    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static void respond(RoutingContext ctx, int status, String code, String message) {
        respond(ctx, status, code, List.of(message));
    }

    /** Ends the response with a GraphQL error body: one error per message, each with the code. */
    static void respond(RoutingContext ctx, int status, String code, List<String> messages) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        messages.forEach(message -> errors.add(Json.createObjectBuilder().add("message", message)
                .add("extensions", Json.createObjectBuilder().add("code", code))));
        ctx.response().setStatusCode(status).putHeader("Content-Type", GraphQLRequestGuard.GRAPHQL_RESPONSE + ";charset=UTF-8")
                .end(Json.createObjectBuilder().add("errors", errors).build().toString());
    }
}
