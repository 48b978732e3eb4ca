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

    /** One error as JSON text. */
    public static String body(ErrorCode code, String message) {
        return Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("message", message)
                .add("extensions", Json.createObjectBuilder().add("code", code.name())))).build().toString();
    }

    private static Response response(int status, ErrorCode code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body(code, message)).build();
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.errorCode().httpStatus()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body(e.errorCode(), e.getMessage()));
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
        return api(ErrorTranslator.translate(e));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return api(ErrorTranslator.translate(e));
    }

    /** JAX-RS's own refusals (unsupported media type, unknown method) keep their status and get a body of this form. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return api(ErrorTranslator.translate(e));
        }
        return response(status, ErrorCode.ofHttpStatus(status), e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return api(ErrorTranslator.translate(e));
    }
}
