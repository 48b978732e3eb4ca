package org.gonghui.support;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.MDC;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a sane token, otherwise a
 * new UUID. It is echoed in the response header, put in the log MDC as {@code requestId} and
 * written into audit records, so one id follows a request from the client to the logs.
 */
@ApplicationScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "gonghui.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Inject
    CurrentVertxRequest currentRequest;

    void install(@Observes Router router) {
        router.route().order(-200).handler(ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.put(KEY, id);
            ctx.response().putHeader(HEADER, id);
            MDC.put("requestId", id);
            ctx.next();
        });
    }

    /** The id of the request being served, or null outside a request. */
    public String current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext ctx = currentRequest.getCurrent();
        return ctx == null ? null : ctx.get(KEY);
    }
}
