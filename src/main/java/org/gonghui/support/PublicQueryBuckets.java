package org.gonghui.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.vertx.ext.web.RoutingContext;

/**
 * The public-query budgets (an app instance's share of its address, the address's, everybody's) taken in one SQL
 * statement per request, which may also carry the request's own read: one round trip and one short transaction
 * where a Bucket4j bucket costs a transaction of its own (select for update, update, commit) each. The buckets are
 * rows of {@code rate_limit_bucket} (V25), so every replica draws from the same ones; each is a token bucket of
 * {@link RateLimitBuckets.Window#atOnce} tokens refilled continuously with {@link RateLimitBuckets.Window#refill} per
 * period, by the database's clock: the same shape, and so the same rolling-minute bound, as the Bucket4j buckets.
 * The buckets are taken in order (app instance, address, everybody) and a bucket is only drawn from when those
 * before it granted, so an address that is refused does not spend everybody's budget.
 */
@ApplicationScoped
public class PublicQueryBuckets {

    /** The label of the column that holds the seconds to wait (null when granted). */
    static final String WAIT = "gonghui_wait";

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** Time a bucket's row is kept after its last use beyond the time it takes to fill up again (as the Bucket4j rows). */
    private static final long KEEP_MILLIS = 60_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RateLimits limits;

    private String withAppInstance;
    private String withoutAppInstance;

    /**
     * What a public query reads in the statement that takes its tokens: a select (positional parameters) that runs only
     * when every bucket granted, and how to read its rows.
     */
    public record Read<T>(String sql, List<Object> params, Reader<T> reader) {
    }

    /** Reads what {@link Read#sql} selected. */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * Called once, with the result set positioned on its first row: one row with every selected column null when
         * the select found nothing, else its rows (advance with {@code next()}).
         */
        T read(ResultSet rows) throws SQLException;
    }

    /** A granted request's read, or the seconds to wait of a refused one. */
    public record Outcome<T>(OptionalLong refusedFor, T value) {
    }

    @PostConstruct
    void init() {
        RateLimits.PublicQueries p = limits.publicQueries();
        RateLimitBuckets.Window app = RateLimitBuckets.Window.rolling("public-app", p.perAppInstancePerMinute(), p.perAppInstanceBurst(),
                MINUTE);
        RateLimitBuckets.Window address = RateLimitBuckets.Window.rolling("public-address", p.perAddressPerMinute(), p.perAddressBurst(),
                MINUTE);
        RateLimitBuckets.Window everybody = RateLimitBuckets.Window.rolling("public-global", p.perMinute(), p.burst(),
                MINUTE);
        withAppInstance = buckets(List.of(app, address, everybody));
        withoutAppInstance = buckets(List.of(address, everybody));
    }

    /**
     * Takes one token of the current HTTP request's client (its address, and the app instance it names); refused:
     * RATE_LIMITED, and the response becomes HTTP 429 with Retry-After.
     */
    public void takeForRequest() {
        takeForRequest(null);
    }

    /** {@link #takeForRequest()} and, only when granted, {@code read} in the same statement; what it read. */
    public <T> T takeForRequest(Read<T> read) {
        RoutingContext http = RateLimiter.currentRequest();
        Outcome<T> outcome = take(RateLimiter.clientAddress(http), RateLimiter.appInstance(http), read);
        if (outcome.refusedFor().isPresent()) {
            long wait = outcome.refusedFor().getAsLong();
            if (http != null) {
                http.put(RateLimiter.LIMITED, wait);
            }
            throw new RateLimitedException(wait);
        }
        return outcome.value();
    }

    /** Takes one public-query token (see the class); empty when granted, else the seconds to wait. */
    public OptionalLong take(String address, String appInstance) {
        return take(address, appInstance, null).refusedFor();
    }

    /** Takes one public-query token and, only when granted, runs {@code read} in the same statement. */
    public <T> Outcome<T> take(String address, String appInstance, Read<T> read) {
        List<Object> params = new ArrayList<>();
        if (appInstance != null) {
            params.add("public-app/" + address + "/" + appInstance);
        }
        params.add("public-address/" + address);
        params.add("public-global/all");
        StringBuilder sql = new StringBuilder(appInstance != null ? withAppInstance : withoutAppInstance);
        if (read == null) {
            sql.append("select (select wait from refused) as ").append(WAIT);
        } else {
            sql.append("select (select wait from refused) as ").append(WAIT).append(", r.* from (select 1) one left join (").append(read.sql())
                    .append(") r on not exists (select from refused)");
            params.addAll(read.params());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long wait = rows.getLong(WAIT);
                if (!rows.wasNull()) {
                    return new Outcome<>(OptionalLong.of(Math.max(1, wait)), null);
                }
                return new Outcome<>(OptionalLong.empty(), read == null ? null : read.reader().read(rows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take a public-query token", e);
        }
    }

    /**
     * The WITH clause that takes one token from each bucket in order ({@code b1}, {@code b2}, ...; a bucket only when the
     * one before granted) and names the first refusal's wait {@code refused}. One key parameter per bucket, in order.
     * The windows are configuration, written into the statement as numbers (so its text, and its prepared plan, stay
     * the same from request to request).
     */
    static String buckets(List<RateLimitBuckets.Window> windows) {
        StringBuilder sql = new StringBuilder("with ");
        StringBuilder outcomes = new StringBuilder();
        for (int i = 0; i < windows.size(); i++) {
            RateLimitBuckets.Window w = windows.get(i);
            String name = "b" + (i + 1);
            double perSecond = (double) w.refill() / w.period().toSeconds();
            long refillMillis = (long) Math.ceil(w.atOnce() / perSecond * 1000);
            String now = "clock_timestamp()";
            // the tokens there are now: the ones left, plus the refill since they were counted, up to the capacity
            String available = String.format(Locale.ROOT, "least(%d, coalesce(b.tokens, %d) + %s * greatest(0, extract(epoch from %s - coalesce(b.refilled_at, %s))))",
                    w.atOnce(), w.atOnce(), number(perSecond), now, now);
            String expires = "cast(extract(epoch from " + now + ") * 1000 as bigint) + " + (refillMillis + KEEP_MILLIS);
            sql.append(name).append(" as (insert into rate_limit_bucket as b (id, tokens, refilled_at, granted, expires_at) ");
            sql.append(i == 0 ? "values (cast(? as text), " : "select cast(? as text), ").append(w.atOnce() - 1).append(", ").append(now).append(", true, ").append(expires);
            sql.append(i == 0 ? ")" : " from b" + i + " where b" + i + ".granted");
            sql.append(" on conflict (id) do update set tokens = case when ").append(available).append(" >= 1 then ").append(available)
                    .append(" - 1 else ").append(available).append(" end, granted = ").append(available).append(" >= 1, refilled_at = greatest(b.refilled_at, ")
                    .append(now).append("), expires_at = ").append(expires);
            sql.append(" returning granted, cast(ceil((1 - tokens) / ").append(number(perSecond)).append(") as bigint) as wait), ");
            outcomes.append(i == 0 ? "" : " union all ").append("select ").append(i + 1).append(" as o, granted, wait from ").append(name);
        }
        sql.append("refused as (select wait from (").append(outcomes).append(") w where not w.granted order by o limit 1) ");
        return sql.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.9f", value);
    }
}
