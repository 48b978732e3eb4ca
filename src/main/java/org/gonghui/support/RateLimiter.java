package org.gonghui.support;

import java.util.OptionalLong;
import java.util.regex.Pattern;

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
 * draws from the same bucket. Mutations are keyed by the token subject, or the client address for
 * anonymous callers; public queries by the client address (and its self-declared app instance, which
 * only narrows the address's budget), in one statement ({@link PublicQueryBuckets}; a public query that
 * reads little may take its token in the statement of its read instead, as verifyMemberCard does). Runs
 * after the security interceptors (priority 150), so unauthenticated calls are refused before they cost
 * anything. A refusal is RATE_LIMITED and turns the HTTP status into 429.
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class RateLimiter {

    static final String LIMITED = "gonghui.rate-limited";
    static final String APP_INSTANCE_HEADER = "X-App-Instance";
    private static final Pattern APP_INSTANCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    RateLimitBuckets buckets;

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Inject
    PublicQueryBuckets publicQueries;

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        RateLimited limit = context.getMethod().getAnnotation(RateLimited.class);
        if (limit != null && limit.value() == RateLimited.Kind.PUBLIC_QUERY) {
            publicQueries.takeForRequest();
            return context.proceed();
        }
        RoutingContext http = currentRequest();
        OptionalLong wait = buckets.takeMutation(identity.isAnonymous() ? clientAddress(http) : "sub:" + caller.subject());
        if (wait.isPresent()) {
            if (http != null) {
                http.put(LIMITED, wait.getAsLong());
            }
            throw new RateLimitedException(wait.getAsLong());
        }
        return context.proceed();
    }

    /** The HTTP request being served, or null outside one. */
    static RoutingContext currentRequest() {
        return Arc.container().requestContext().isActive() ? Arc.container().instance(CurrentVertxRequest.class).get().getCurrent() : null;
    }

    /** The key of the client address of a request (the peer address; "unknown" outside HTTP). */
    public static String clientAddress(RoutingContext http) {
        return "addr:" + (http == null ? "unknown" : http.request().remoteAddress().host());
    }

    /** Refuses the request with RATE_LIMITED; the response becomes HTTP 429 with Retry-After. */
    public static RateLimitedException refuse(RoutingContext http, long waitSeconds, String message) {
        if (http != null) {
            http.put(LIMITED, waitSeconds);
        }
        return new RateLimitedException(message);
    }

    /** The client's own app instance id ({@value #APP_INSTANCE_HEADER}), if it is a plain token of up to 64 characters. */
    static String appInstance(RoutingContext http) {
        String value = http == null ? null : http.request().getHeader(APP_INSTANCE_HEADER);
        return value != null && APP_INSTANCE.matcher(value).matches() ? value : null;
    }
}
