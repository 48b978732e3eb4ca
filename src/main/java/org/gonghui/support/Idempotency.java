package org.gonghui.support;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Idempotency keys of retried requests (mobile clients retry on flaky networks). The first request
 * with a key claims it inside its own transaction; a concurrent retry waits on the claim's unique key
 * until that transaction ends, then finds the first request's result. If the first request failed,
 * its claim rolled back with it and the retry acts afresh. Records are kept for seven days.
 */
@ApplicationScoped
public class Idempotency {

    static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager em;

    /**
     * Claims {@code key} for this caller and operation, or returns the result id of the request that
     * claimed it first. {@code requestHash} identifies the request: the same key with a different
     * request is a CONFLICT.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> claim(String subject, String operation, String key, byte[] requestHash) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ValidationException("idempotencyKey: 1 to " + MAX_KEY_LENGTH + " characters");
        }
        int inserted = em.createNativeQuery("""
                insert into idempotency_record (caller_subject, operation, idempotency_key, request_hash)
                values (:subject, :operation, :key, :hash) on conflict do nothing""")
                .setParameter("subject", subject).setParameter("operation", operation).setParameter("key", key)
                .setParameter("hash", requestHash)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select request_hash, result_id from idempotency_record
                 where caller_subject = :subject and operation = :operation and idempotency_key = :key""")
                .setParameter("subject", subject).setParameter("operation", operation).setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!java.util.Arrays.equals((byte[]) row[0], requestHash)) {
            throw new ConflictException("idempotencyKey: 该幂等键已用于另一请求 (this key was already used for a different request)");
        }
        if (row[1] == null) {
            throw new ConflictException("idempotencyKey: 该请求仍在处理中 (the first request with this key is still being processed)");
        }
        return Optional.of(((Number) row[1]).longValue());
    }

    /** Records the result of the request that claimed {@code key}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String subject, String operation, String key, long resultId) {
        em.createNativeQuery("""
                update idempotency_record set result_id = :result
                 where caller_subject = :subject and operation = :operation and idempotency_key = :key""")
                .setParameter("result", resultId)
                .setParameter("subject", subject).setParameter("operation", operation).setParameter("key", key)
                .executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeOldRecords() {
        em.createNativeQuery("delete from idempotency_record where created_at < now() - interval '7 days'").executeUpdate();
    }
}
