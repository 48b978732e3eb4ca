package org.gonghui.support;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Error responses of the REST endpoints (the roster upload) in the body GraphQL clients already
 * parse, {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}, with the HTTP status the code
 * stands for. Unexpected failures are logged with a reference by {@link ErrorTranslator} and answer
 * 500 INTERNAL: never a stack trace.
 */
public class RestErrors {

    /** The HTTP status of an error code outside GraphQL. */
    public static int status(String code) {
        return switch (code) {
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "CONFLICT" -> 409;
            case "LIMIT_EXCEEDED" -> 413;
            case "RATE_LIMITED" -> 429;
            case "INTERNAL" -> 500;
            case "UNAVAILABLE" -> 503;
            default -> 400;
        };
    }

    /** One error as JSON text. */
    public static String body(String code, String message) {
        return Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("message", message)
                .add("extensions", Json.createObjectBuilder().add("code", code)))).build().toString();
    }

    private static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body(code, message)).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder response = Response.status(status(e.code())).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body(e.code(), e.getMessage()));
        if (e instanceof RateLimitedException) {
            RoutingContext ctx = Arc.container().requestContext().isActive() ? Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() : null;
            Long wait = ctx == null ? null : ctx.get(RateLimiter.LIMITED);
            response.header("Retry-After", wait == null ? "60" : wait.toString());
        } else if (e instanceof UnavailableException) {
            response.header("Retry-After", "5");
        } else if (e instanceof UnauthenticatedException) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return api(new UnauthenticatedException("需要登录：请求未携带访问令牌 (sign in first: the request carries no bearer token)"));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return api(new ForbiddenException("无权执行此操作 (your role does not allow this operation)"));
    }

    /** JAX-RS's own refusals (unsupported media type, unknown method) keep their status and get a body of this form. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 413 -> "LIMIT_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "BAD_REQUEST";
        };
        if (status >= 500) {
            return api(ErrorTranslator.translate(e));
        }
        return response(status, code, e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return api(ErrorTranslator.translate(e));
    }
}
