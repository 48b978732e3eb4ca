package org.gonghui.support;

import java.util.OptionalLong;

import org.gonghui.security.Caller;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.event.InvokeInfo;
import io.smallrye.graphql.spi.EventingService;
import io.vertx.ext.web.RoutingContext;

/**
 * Charges a document's heavy work ({@link FieldCosts}, priced by {@link GraphQLRequestGuard}) to its
 * caller's budget per minute ({@code gonghui.limits.heavy-work-per-minute}), a Bucket4j bucket in
 * PostgreSQL that every replica shares. Charged once, before the first resolver of the request runs
 * (after authentication, on a worker thread); once the budget is spent every resolver of the document
 * is refused with RATE_LIMITED (HTTP 429), so nothing of it runs. Anonymous callers are not charged:
 * every heavy field needs a login and is refused anyway.
 */
public class HeavyWorkBudget implements EventingService {

    private static final String WORK = "gonghui.heavy-work";

    /** The units of one request and whether they were granted; resolvers may run on several threads. */
    private static final class Charge {
        private final long units;
        private OptionalLong refused;

        Charge(long units) {
            this.units = units;
        }

        synchronized OptionalLong take() {
            if (refused == null) {
                SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
                refused = identity.isAnonymous() ? OptionalLong.empty()
                        : Arc.container().instance(RateLimitBuckets.class).get()
                                .takeHeavyWork("sub:" + Arc.container().instance(Caller.class).get().subject(), units);
            }
            return refused;
        }
    }

    /** Notes the request's heavy work for the resolvers to charge (nothing for a document without any). */
    static void record(RoutingContext ctx, long units) {
        if (units > 0) {
            ctx.put(WORK, new Charge(units));
        }
    }

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public void beforeInvoke(InvokeInfo invokeInfo) throws Exception {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        RoutingContext http = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        Charge charge = http == null ? null : http.get(WORK);
        if (charge == null) {
            return;
        }
        OptionalLong wait = charge.take();
        if (wait.isPresent()) {
            http.put(RateLimiter.LIMITED, wait.getAsLong());
            throw new RateLimitedException("统计类查询额度已用完, 请 " + wait.getAsLong() + " 秒后重试 (your budget of subtree-wide work "
                    + "(counts, searches, trends, figures) for this minute is spent; retry in " + wait.getAsLong() + " s)");
        }
    }
}
