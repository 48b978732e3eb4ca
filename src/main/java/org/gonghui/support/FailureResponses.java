package org.gonghui.support;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers requests that fail before GraphQL runs in the GraphQL response format, with a code: a
 * refused bearer token is 401 UNAUTHENTICATED (with the standard {@code WWW-Authenticate: Bearer}
 * challenge), an unreachable database while checking the token is 503 UNAVAILABLE, a body over the
 * size limit is 413 LIMIT_EXCEEDED; any other failure on /graphql keeps the GraphQL error body.
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
                respond(ctx, ErrorCode.UNAVAILABLE, unavailable.getMessage());
                return;
            }
            if (find(ctx.failure(), AuthenticationFailedException.class) != null) {
                Throwable explained = find(ctx.failure(), RefusedSignInException.class);
                ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                respond(ctx, ErrorCode.UNAUTHENTICATED, explained != null ? explained.getMessage()
                        : "访问令牌无效 (the bearer token is invalid, expired, for another audience, or not bound to one tier and union)");
                return;
            }
            if (ctx.statusCode() == 413) {
                respond(ctx, ErrorCode.LIMIT_EXCEEDED, "请求体过大 (the request body exceeds the size limit)");
                return;
            }
            if (ctx.normalizedPath().equals("/graphql") || ctx.normalizedPath().startsWith("/graphql/")) {
                // whatever else fails on the GraphQL endpoint still answers in its error format
                if (ctx.failure() == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
                    respond(ctx, ctx.statusCode(), ErrorCode.BAD_REQUEST, "请求无法处理 (the request cannot be processed)");
                } else {
                    ApiException internal = ErrorTranslator.translate(ctx.failure());
                    respond(ctx, internal.errorCode(), internal.getMessage());
                }
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

    /** Ends the response with one error of this code, at the HTTP status the code stands for. */
    static void respond(RoutingContext ctx, ErrorCode code, String message) {
        respond(ctx, code.httpStatus(), code, message);
    }

    /** Ends the response with one error of this code at another status (405, 406, 408, 415 are BAD_REQUEST). */
    static void respond(RoutingContext ctx, int status, ErrorCode code, String message) {
        respond(ctx, status, code, List.of(new GraphQLRequestGuard.Problem(message, null)));
    }

    /**
     * Ends the response with a GraphQL error body: one error per problem, each with the code and, for a
     * problem in the document, its location; in the media type the request accepts (application/json
     * when it accepts neither).
     */
    static void respond(RoutingContext ctx, int status, ErrorCode code, List<GraphQLRequestGuard.Problem> problems) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        problems.forEach(problem -> {
            JsonObjectBuilder error = Json.createObjectBuilder().add("message", problem.message());
            if (problem.location() != null) {
                error.add("locations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("line", problem.location().getLine()).add("column", problem.location().getColumn())));
            }
            errors.add(error.add("extensions", Json.createObjectBuilder().add("code", code.name())));
        });
        String type = GraphQLRequestGuard.responseType(ctx);
        ctx.response().setStatusCode(status).putHeader("Content-Type", (type == null ? GraphQLRequestGuard.JSON : type) + ";charset=UTF-8")
                .end(Json.createObjectBuilder().add("errors", errors).build().toString());
    }
}
