package org.gonghui.support;

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
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.scheduler.Scheduled;

/** Bucket4j token buckets in PostgreSQL (table rate_limit_bucket), one per caller and kind of request. */
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
    private BucketConfiguration mutations;
    private BucketConfiguration heavyWork;
    private final Map<String, Bucket> publicBuckets = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        mutations = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(limits.mutationsPerMinute()).refillGreedy(limits.mutationsPerMinute(), Duration.ofMinutes(1)))
                .build();
        heavyWork = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(requestLimits.heavyWorkPerMinute())
                        .refillGreedy(requestLimits.heavyWorkPerMinute(), Duration.ofMinutes(1)))
                .build();
    }

    /** Deletes the buckets of callers idle long enough for their bucket to be full again (each replica may run it). */
    @Scheduled(every = "5m", delay = 1, delayUnit = TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeIdleBuckets() {
        while (buckets.removeExpired(PURGE_BATCH) == PURGE_BATCH) {
            // another full batch may follow
        }
    }

    /**
     * Takes one public-query token of a client address. These buckets live in this replica's memory:
     * public reads are frequent and cheap, and a shared row per address would serialize them; with
     * several replicas an address gets the limit once per replica, which still stops a flood.
     */
    public OptionalLong takePublicQuery(String caller) {
        Bucket bucket = publicBuckets.computeIfAbsent(caller, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.publicQueriesPerMinute()).refillGreedy(limits.publicQueriesPerMinute(), Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }

    /** Forgets the in-memory buckets that are full again (their addresses have been idle). */
    @Scheduled(every = "5m", delay = 1, delayUnit = TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeIdlePublicBuckets() {
        publicBuckets.values().removeIf(b -> b.getAvailableTokens() >= limits.publicQueriesPerMinute());
    }

    /** Takes one mutation token of the caller; empty when granted, else the seconds to wait. */
    public OptionalLong takeMutation(String caller) {
        ConsumptionProbe probe = buckets.builder().build("mutation/" + caller, () -> mutations).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }

    /**
     * Takes a document's heavy-work units from the caller's budget; empty when granted, else the
     * seconds to wait. The limit is part of the key, so a new configuration starts new buckets
     * instead of inheriting the old limit.
     */
    public OptionalLong takeHeavyWork(String caller, long units) {
        ConsumptionProbe probe = buckets.builder().build("heavy/" + requestLimits.heavyWorkPerMinute() + "/" + caller, () -> heavyWork)
                .tryConsumeAndReturnRemaining(units);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }
}
