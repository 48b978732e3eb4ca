package org.gonghui.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the text outbox after commit. A round claims due rows with {@code for update skip locked} in
 * one short transaction (so replicas share the rows and never claim the same one), marking each
 * SENDING until {@code gonghui.sms.claim-for} from now; sends each outside any transaction; and
 * records the outcome only if the row is still the same claim (its attempt number). A one-time code
 * past its {@code not_after} is dropped (EXPIRED), never sent late. Retries back off exponentially;
 * after {@code max-attempts} a row is FAILED. The row id is the text's {@code OutId}: a replica that
 * dies after the provider accepted a text but before recording it is the only way one goes out twice.
 * Plain JDBC like the roster worker: the job is not part of any request's unit of work.
 */
@ApplicationScoped
public class TextDispatcher {

    private static final Logger LOG = Logger.getLogger(TextDispatcher.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalData personalData;

    @Inject
    SmsConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    Instance<SmsGateway> gateways;

    private ThreadPoolExecutor executor;

    /** A claimed row, still encrypted, and the attempt number that identifies this claim. */
    record Claimed(long id, TextPurpose purpose, byte[] phoneCipher, String phoneKey, byte[] codeCipher, String codeKey, Instant notAfter,
            int attempt) {
    }

    @PostConstruct
    void init() {
        // one drain at a time and one waiting; further wake-ups are dropped: the waiting drain will see their rows
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), task -> {
            Thread thread = new Thread(task, "text-dispatcher");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Refuses to start when texts are enabled and the configured gateway is missing or lacks its configuration. */
    void checkAtStartup(@Observes StartupEvent event) {
        if (config.enabled()) {
            gateway().checkConfiguration();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** The configured gateway ({@code gonghui.sms.gateway}). */
    public SmsGateway gateway() {
        for (SmsGateway gateway : gateways) {
            if (gateway.name().equals(config.gateway())) {
                return gateway;
            }
        }
        throw new IllegalStateException("gonghui.sms.gateway: no gateway named '" + config.gateway()
                + "' in this build (aliyun; log exists only in dev and test builds)");
    }

    /** Wakes a drain soon; returns at once (called after a commit that wrote texts). */
    public void start() {
        if (!executor.isShutdown()) {
            executor.execute(() -> {
                try {
                    dispatchDue();
                } catch (RuntimeException e) {
                    LOG.warnf("Text dispatch failed, retried at the next round: %s", e.getMessage());
                }
            });
        }
    }

    @Scheduled(every = "${gonghui.sms.dispatch-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        start();
    }

    /** Deletes finished rows older than the retention (any replica may run it). */
    @Scheduled(every = "${gonghui.sms.purge-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeFinished() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from text_outbox where finished_at < now() - make_interval(secs => ?)")) {
            s.setDouble(1, config.retention().toSeconds());
            int deleted = s.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Deleted %d finished text messages older than %s", deleted, config.retention());
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot purge finished text messages: %s", e.getMessage());
        }
    }

    /** Sends every due row with the configured gateway; returns how many rows were handled. */
    public int dispatchDue() {
        return dispatchDue(gateway());
    }

    /** Sends every due row with the given gateway, round after round until none is due. */
    public int dispatchDue(SmsGateway gateway) {
        int total = 0;
        List<Claimed> claimed;
        do {
            claimed = claim();
            for (Claimed row : claimed) {
                handle(row, gateway);
            }
            total += claimed.size();
        } while (claimed.size() == config.batch() && !Thread.currentThread().isInterrupted());
        return total;
    }

    /** Claims up to a batch of due rows in one short transaction. */
    List<Claimed> claim() {
        List<Claimed> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    update text_outbox o
                       set state = 'SENDING', attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
                     where o.id in (select id from text_outbox
                                     where state in ('PENDING', 'SENDING') and next_attempt_at <= now()
                                     order by next_attempt_at, id limit ? for update skip locked)
                    returning o.id, o.purpose, o.phone_cipher, o.phone_key, o.code_cipher, o.code_key, o.not_after, o.attempts""")) {
                s.setDouble(1, config.claimFor().toMillis() / 1000.0);
                s.setInt(2, config.batch());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Timestamp notAfter = rs.getTimestamp("not_after");
                        rows.add(new Claimed(rs.getLong("id"), TextPurpose.valueOf(rs.getString("purpose")), rs.getBytes("phone_cipher"),
                                rs.getString("phone_key"), rs.getBytes("code_cipher"), rs.getString("code_key"),
                                notAfter == null ? null : notAfter.toInstant(), rs.getInt("attempts")));
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim text messages: " + e.getMessage(), e);
        }
        rows.sort((a, b) -> Long.compare(a.id(), b.id()));
        return rows;
    }

    private void handle(Claimed row, SmsGateway gateway) {
        if (row.notAfter() != null && Instant.now().isAfter(row.notAfter())) {
            finish(row, "EXPIRED", null, "past not_after");
            metrics.counter("gonghui.sms.dropped", "reason", "expired").increment();
            return;
        }
        if (!config.enabled()) {
            finish(row, "FAILED", null, "disabled");
            metrics.counter("gonghui.sms.dropped", "reason", "disabled").increment();
            return;
        }
        SmsGateway.TextMessage message;
        try {
            message = new SmsGateway.TextMessage(row.id(), personalData.decryptText(Purpose.PHONE, row.phoneCipher(), row.phoneKey()),
                    row.purpose(), row.codeCipher() == null ? null : personalData.decryptText(Purpose.TEXT_CODE, row.codeCipher(), row.codeKey()));
        } catch (IllegalStateException e) {
            // its key was retired before it was sent
            finish(row, "FAILED", null, "cannot decrypt: " + e.getMessage());
            metrics.counter("gonghui.sms.failed", "reason", "decrypt").increment();
            return;
        }
        SmsGateway.Outcome outcome;
        try {
            outcome = gateway.send(message);
        } catch (RuntimeException e) {
            outcome = SmsGateway.Outcome.retry("gateway error: " + e.getMessage());
        }
        switch (outcome.result()) {
            case SENT -> {
                finish(row, "SENT", outcome.providerId(), null);
                metrics.counter("gonghui.sms.sent", "purpose", row.purpose().name()).increment();
            }
            case PERMANENT_FAILURE -> {
                finish(row, "FAILED", null, outcome.detail());
                metrics.counter("gonghui.sms.failed", "reason", "permanent").increment();
            }
            case RETRY -> {
                if (row.attempt() >= config.maxAttempts()) {
                    finish(row, "FAILED", null, outcome.detail());
                    metrics.counter("gonghui.sms.failed", "reason", "attempts").increment();
                } else {
                    retryLater(row, outcome.detail());
                    metrics.counter("gonghui.sms.retried").increment();
                }
            }
        }
    }

    /** The wait after the given attempt: the base doubled per earlier attempt, at most the maximum. */
    Duration backoff(int attempt) {
        Duration wait = config.retryBase().multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    /** Ends a claim: the final state, the code cleared. Only if the row is still this claim. */
    private void finish(Claimed row, String state, String providerId, String detail) {
        update("""
                update text_outbox set state = ?, provider_id = ?, last_error = ?, code_cipher = null, code_key = null, finished_at = now()
                 where id = ? and state = 'SENDING' and attempts = ?""", state, providerId, detail, row);
    }

    private void retryLater(Claimed row, String detail) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                update text_outbox set state = 'PENDING', last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
                 where id = ? and state = 'SENDING' and attempts = ?""")) {
            s.setString(1, detail);
            s.setDouble(2, backoff(row.attempt()).toMillis() / 1000.0);
            s.setLong(3, row.id());
            s.setInt(4, row.attempt());
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Cannot record the retry of text %d: %s", row.id(), e.getMessage());
        }
    }

    private void update(String sql, String state, String providerId, String detail, Claimed row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, state);
            s.setString(2, providerId);
            s.setString(3, detail);
            s.setLong(4, row.id());
            s.setInt(5, row.attempt());
            if (s.executeUpdate() == 0) {
                LOG.warnf("Text %d was claimed again before its outcome (%s) was recorded", row.id(), state);
            }
        } catch (SQLException e) {
            LOG.warnf("Cannot record the outcome of text %d: %s", row.id(), e.getMessage());
        }
    }
}
