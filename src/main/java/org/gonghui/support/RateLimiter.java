package org.gonghui.support;

import java.util.OptionalLong;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.gonghui.security.Caller;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Enforces {@link RateLimited} with Bucket4j token buckets kept in PostgreSQL, so every replica
 * draws from the same bucket. The key is the token subject, or the client address for anonymous
 * callers. Runs after the security interceptors (priority 150), so unauthenticated calls are refused
 * before they cost anything. A refusal is RATE_LIMITED and turns the HTTP status into 429.
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class RateLimiter {

    static final String LIMITED = "gonghui.rate-limited";

    @Inject
    RateLimitBuckets buckets;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Inject
    CurrentVertxRequest request;

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        RoutingContext http = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        String key = identity.isAnonymous()
                ? "addr:" + (http == null ? "unknown" : http.request().remoteAddress().host())
                : "sub:" + caller.subject();
        RateLimited limit = context.getMethod().getAnnotation(RateLimited.class);
        OptionalLong wait = limit != null && limit.value() == RateLimited.Kind.PUBLIC_QUERY ? buckets.takePublicQuery(key) : buckets.takeMutation(key);
        if (wait.isPresent()) {
            if (http != null) {
                http.put(LIMITED, wait.getAsLong());
            }
            throw new RateLimitedException(wait.getAsLong());
        }
        return context.proceed();
    }
}
