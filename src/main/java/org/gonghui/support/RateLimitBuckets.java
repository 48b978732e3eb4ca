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
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;

/**
 * Bucket4j token buckets in PostgreSQL (table rate_limit_bucket), shared by all replicas. Each limit
 * holds over any rolling minute: a bucket of {@code burst} tokens refilled smoothly with
 * {@code limit - burst} a minute never grants more than {@code limit} in any 60 seconds. Each kind of
 * bucket carries the version of its configuration (table rate_limit_config), so a changed limit
 * applies to buckets stored under the old one on their next use.
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
    private Kind mutations;
    private Kind publicGlobal;
    private Kind publicPerAddress;
    private Kind publicPerAppInstance;
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
        mutations = kind("mutation", limits.mutationsPerMinute(), limits.mutationBurst());
        RateLimits.PublicQueries p = limits.publicQueries();
        publicGlobal = kind("public-global", p.perMinute(), p.burst());
        publicPerAddress = kind("public-address", p.perAddressPerMinute(), p.perAddressBurst());
        publicPerAppInstance = kind("public-app", p.perAppInstancePerMinute(), p.perAppInstanceBurst());
        // heavy work: a whole minute's budget may go to one document (DocumentLimits refuses larger ones)
        int heavy = requestLimits.heavyWorkPerMinute();
        heavyWork = new Kind("heavy", BucketConfiguration.builder()
                .addLimit(l -> l.capacity(heavy).refillGreedy(heavy, Duration.ofMinutes(1))).build(),
                configurationVersion("heavy", Integer.toString(heavy)));
        RateLimits.PersonLookups lookups = limits.personLookups();
        lookupPerLogin = perHour("lookup-login", lookups.perLoginPerHour());
        lookupPerIdNumber = perHour("lookup-id", lookups.perIdNumberPerHour());
        lookupPerAddress = perHour("lookup-address", lookups.perAddressPerHour());
    }

    /** At most {@code limit} tokens in any rolling hour: all of them at once, refilled smoothly over the hour. */
    private Kind perHour(String name, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("gonghui.rate-limit.person-lookups: " + name + " must be at least 1, not " + limit);
        }
        return new Kind(name, BucketConfiguration.builder().addLimit(l -> l.capacity(limit).refillGreedy(limit, Duration.ofHours(1))).build(),
                configurationVersion(name, limit + "/h"));
    }

    /**
     * At most {@code limit} tokens in any rolling minute: {@code burst} at once, then
     * {@code limit - burst} a minute, refilled smoothly (in any 60 s: burst + refill = limit).
     */
    static BucketConfiguration perRollingMinute(String name, int limit, int burst) {
        if (burst < 1 || burst >= limit) {
            throw new IllegalArgumentException("gonghui.rate-limit: the burst of " + name + " must lie between 1 and its per-minute limit "
                    + limit + " minus 1, not " + burst);
        }
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(burst).refillGreedy(limit - burst, Duration.ofMinutes(1)))
                .build();
    }

    /** At most {@code limit} in any rolling {@code window}. */
    public record Window(int limit, Duration window) {
    }

    /**
     * At most each window's limit in any rolling window of its length: half of it (rounded up) at once,
     * the rest refilled smoothly over the window, as {@link #perRollingMinute} does for a minute.
     */
    static BucketConfiguration perRollingWindows(String name, Window... windows) {
        var builder = BucketConfiguration.builder();
        for (Window w : windows) {
            if (w.limit() < 2) {
                throw new IllegalArgumentException("the limit " + name + " must allow at least 2 per " + w.window() + ", not " + w.limit());
            }
            int burst = (w.limit() + 1) / 2;
            builder = builder.addLimit(l -> l.capacity(burst).refillGreedy(w.limit() - burst, w.window()));
        }
        return builder.build();
    }

    /**
     * Takes one token of a kind limited over the given windows (its configuration is fixed by the first
     * call of this process; a replica started with other windows bumps the stored version); true when
     * granted. Call it outside a transaction: Bucket4j commits its own.
     */
    public boolean tryTake(String kindName, String key, Window... windows) {
        Kind kind = windowedKinds.computeIfAbsent(kindName, name -> {
            StringBuilder fingerprint = new StringBuilder();
            for (Window w : windows) {
                fingerprint.append(w.limit()).append('/').append(w.window()).append(';');
            }
            return new Kind(name, perRollingWindows(name, windows), configurationVersion(name, fingerprint.toString()));
        });
        return take(bucket(kind, key)).isEmpty();
    }

    private Kind kind(String name, int limit, int burst) {
        BucketConfiguration configuration = perRollingMinute(name, limit, burst);
        return new Kind(name, configuration, configurationVersion(name, limit + "/" + burst));
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
        var builder = buckets.builder().withImplicitConfigurationReplacement(kind.version(), TokensInheritanceStrategy.AS_IS);
        if (kind == publicGlobal || kind == publicPerAddress || kind == publicPerAppInstance) {
            // rows that many concurrent anonymous requests draw from (every caller; an address, which a carrier-grade NAT
            // shares among many phones): concurrent requests of this replica for the same row share one round trip,
            // each still taking its own token
            builder = builder.withOptimization(Optimizations.batching());
        }
        return builder.build(kind.name() + "/" + key, kind::configuration);
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
     * only narrows: every request also draws from its address. Empty when granted, else the seconds to wait.
     */
    public OptionalLong takePublicQuery(String address, String appInstance) {
        if (appInstance != null) {
            OptionalLong wait = take(bucket(publicPerAppInstance, address + "/" + appInstance));
            if (wait.isPresent()) {
                return wait;
            }
        }
        OptionalLong wait = take(bucket(publicPerAddress, address));
        return wait.isPresent() ? wait : take(bucket(publicGlobal, "all"));
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
