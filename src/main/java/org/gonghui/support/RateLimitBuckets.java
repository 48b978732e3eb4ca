package org.gonghui.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;

/**
 * Bucket4j token buckets in PostgreSQL (table rate_limit_bucket), shared by all replicas. Each limit
 * holds over any rolling minute: a bucket of {@code burst} tokens refilled smoothly with
 * {@code limit - burst} a minute never grants more than {@code limit} in any 60 seconds. Each kind of
 * bucket carries the version of its configuration (table rate_limit_config), so a changed limit
 * applies to buckets stored under the old one on their next use. The public-query buckets, which every
 * anonymous request draws from, are the same shape kept by one SQL statement per request
 * ({@link PublicQueryBuckets}) in the same table, purged with the others.
 */
@ApplicationScoped
public class RateLimitBuckets {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RateLimits limits;

    @Inject
    RequestLimits requestLimits;

    private static final int PURGE_BATCH = 1_000;

    private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    @Inject
    PublicQueryBuckets publicQueries;

    private Kind mutations;
    private Kind heavyWork;
    private Kind lookupPerLogin;
    private Kind lookupPerIdNumber;
    private Kind lookupPerAddress;
    private final Map<String, Kind> windowedKinds = new ConcurrentHashMap<>();

    /** One kind of bucket: its configuration and that configuration's stored version. */
    record Kind(String name, BucketConfiguration configuration, long version) {
    }

    @PostConstruct
    void init() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        Duration minute = Duration.ofMinutes(1);
        mutations = kind("mutation", Window.rolling("mutation", limits.mutationsPerMinute(), limits.mutationBurst(), minute));
        // heavy work: a whole minute's budget may go to one document (DocumentLimits refuses larger ones)
        heavyWork = kind("heavy", Window.allAtOnce("heavy", requestLimits.heavyWorkPerMinute(), minute));
        RateLimits.PersonLookups lookups = limits.personLookups();
        Duration hour = Duration.ofHours(1);
        lookupPerLogin = kind("lookup-login", Window.allAtOnce("lookup-login", lookups.perLoginPerHour(), hour));
        lookupPerIdNumber = kind("lookup-id", Window.allAtOnce("lookup-id", lookups.perIdNumberPerHour(), hour));
        lookupPerAddress = kind("lookup-address", Window.allAtOnce("lookup-address", lookups.perAddressPerHour(), hour));
    }

    /**
     * One limit of a bucket: {@code atOnce} tokens when full, refilled smoothly with {@code refill}
     * tokens every {@code period}. Every bucket of this class is built from these by
     * {@link #configuration}; the factories say what the limit guarantees.
     */
    public record Window(int atOnce, int refill, Duration period) {

        /**
         * At most {@code limit} in any rolling {@code period}: half of it (rounded up) at once, the rest
         * refilled smoothly over the period (the text-message limits).
         */
        public Window(int limit, Duration period) {
            this(half(limit), limit - half(limit), period);
            if (limit < 2) {
                throw new IllegalArgumentException("a limit must allow at least 2 per " + period + ", not " + limit);
            }
        }

        private static int half(int limit) {
            return (limit + 1) / 2;
        }

        /**
         * At most {@code limit} in any rolling {@code period}: {@code burst} at once, then
         * {@code limit - burst} per period, refilled smoothly (in any period: burst + refill = limit).
         */
        static Window rolling(String name, int limit, int burst, Duration period) {
            if (burst < 1 || burst >= limit) {
                throw new IllegalArgumentException("gonghui.rate-limit: the burst of " + name + " must lie between 1 and its per-minute limit "
                        + limit + " minus 1, not " + burst);
            }
            return new Window(burst, limit - burst, period);
        }

        /**
         * {@code limit} at once, refilled smoothly with {@code limit} per {@code period}: a caller who
         * waits a whole period has the whole budget again (so a full bucket grants up to twice the
         * limit within its first period; steadily, {@code limit} per period).
         */
        static Window allAtOnce(String name, int limit, Duration period) {
            if (limit < 1) {
                throw new IllegalArgumentException("gonghui.rate-limit: " + name + " must be at least 1, not " + limit);
            }
            return new Window(limit, limit, period);
        }
    }

    /** The one bucket configuration builder: one Bucket4j limit per window. */
    static BucketConfiguration configuration(Window... windows) {
        var builder = BucketConfiguration.builder();
        for (Window w : windows) {
            builder = builder.addLimit(l -> l.capacity(w.atOnce()).refillGreedy(w.refill(), w.period()));
        }
        return builder.build();
    }

    /**
     * At most {@code limit} tokens in any rolling minute: {@code burst} at once, then
     * {@code limit - burst} a minute, refilled smoothly (in any 60 s: burst + refill = limit).
     */
    static BucketConfiguration perRollingMinute(String name, int limit, int burst) {
        return configuration(Window.rolling(name, limit, burst, Duration.ofMinutes(1)));
    }

    /**
     * Takes one token of a kind limited over the given windows (its configuration is fixed by the first
     * call of this process; a replica started with other windows bumps the stored version); true when
     * granted. Call it outside a transaction: Bucket4j commits its own.
     */
    public boolean tryTake(String kindName, String key, Window... windows) {
        Kind kind = windowedKinds.computeIfAbsent(kindName, name -> kind(name, windows));
        return take(bucket(kind, key)).isEmpty();
    }

    /** A kind of bucket limited over these windows, with the stored version of that configuration. */
    private Kind kind(String name, Window... windows) {
        StringBuilder fingerprint = new StringBuilder();
        for (Window w : windows) {
            fingerprint.append(w.atOnce()).append('+').append(w.refill()).append('/').append(w.period()).append(';');
        }
        return new Kind(name, configuration(windows), configurationVersion(name, fingerprint.toString()));
    }

    /** The version of this configuration: unchanged while it stays, one higher when a replica starts with another. */
    private long configurationVersion(String name, String fingerprint) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement upsert = c.prepareStatement("""
                        insert into rate_limit_config as r (name, fingerprint, version) values (?, ?, 1)
                        on conflict (name) do update set fingerprint = excluded.fingerprint, version = r.version + 1
                         where r.fingerprint <> excluded.fingerprint""");
                PreparedStatement select = c.prepareStatement("select version from rate_limit_config where name = ?")) {
            upsert.setString(1, name);
            upsert.setString(2, fingerprint);
            upsert.executeUpdate();
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the rate-limit configuration version of " + name, e);
        }
    }

    /** Deletes the buckets of callers idle long enough for their bucket to be full again (each replica may run it). */
    @Scheduled(every = "5m", delay = 1, delayUnit = TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeIdleBuckets() {
        while (buckets.removeExpired(PURGE_BATCH) == PURGE_BATCH) {
            // another full batch may follow
        }
    }

    private Bucket bucket(Kind kind, String key) {
        return buckets.builder().withImplicitConfigurationReplacement(kind.version(), TokensInheritanceStrategy.AS_IS)
                .build(kind.name() + "/" + key, kind::configuration);
    }

    private static OptionalLong take(Bucket bucket) {
        return take(bucket, 1);
    }

    private static OptionalLong take(Bucket bucket, long tokens) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }

    /** Takes one mutation token of the caller; empty when granted, else the seconds to wait. */
    public OptionalLong takeMutation(String caller) {
        return take(bucket(mutations, caller));
    }

    /**
     * Takes one public-query token: from the app instance's share of its address (when the client names
     * one), from the address, and from the budget of all anonymous callers. A self-declared app instance
     * only narrows: every request also draws from its address. One statement ({@link PublicQueryBuckets}).
     * Empty when granted, else the seconds to wait.
     */
    public OptionalLong takePublicQuery(String address, String appInstance) {
        return publicQueries.take(address, appInstance);
    }

    /**
     * Takes one token of a request that looks a person up by ID number: from the login's bucket, the ID
     * number's (by its keyed hash, hex) and the client address's; every request draws, matched or not.
     * Empty when granted, else the seconds to wait.
     */
    public OptionalLong takePersonLookup(String login, String idNumberHash, String address) {
        OptionalLong wait = take(bucket(lookupPerLogin, login));
        if (wait.isEmpty()) {
            wait = take(bucket(lookupPerIdNumber, idNumberHash));
        }
        return wait.isPresent() ? wait : take(bucket(lookupPerAddress, address));
    }

    /** Takes a document's heavy-work units from the caller's budget; empty when granted, else the seconds to wait. */
    public OptionalLong takeHeavyWork(String caller, long units) {
        return take(bucket(heavyWork, caller), units);
    }
}
