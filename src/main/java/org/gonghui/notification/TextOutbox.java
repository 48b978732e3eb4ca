package org.gonghui.notification;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.support.RateLimitBuckets;
import org.gonghui.support.RateLimitBuckets.Window;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes each requested text message into the outbox in the requester's own transaction (a rolled-back
 * request sends nothing), after the text-message limits: per login, per number and for the whole
 * service. A text over a limit is dropped and counted ({@code gonghui.sms.dropped}, logged without the
 * number), never an error, so that a caller answers alike whether or not a text went out. The number
 * is encrypted; a one-time code is kept encrypted until the row is sent, given up or expired.
 */
@ApplicationScoped
public class TextOutbox {

    private static final Logger LOG = Logger.getLogger(TextOutbox.class);
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{4,8}");

    @Inject
    EntityManager em;

    @Inject
    PersonalData personalData;

    @Inject
    RateLimitBuckets buckets;

    @Inject
    SmsConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    TextDispatcher dispatcher;

    /** Observes a request synchronously, in the requester's transaction (there must be one). */
    @Transactional(Transactional.TxType.MANDATORY)
    void onTextMessageRequested(@Observes TextMessageRequested request) {
        if (request.phone() == null || !MOBILE.matcher(request.phone()).matches() || request.purpose() == null) {
            throw new IllegalArgumentException("a text message needs a mainland mobile number and a purpose");
        }
        if (request.code() != null && !CODE.matcher(request.code()).matches()) {
            throw new IllegalArgumentException("a text message's code is 4 to 8 letters or digits");
        }
        byte[] phoneHash = personalData.hash(Purpose.PHONE, request.phone());
        String refusedBy = QuarkusTransaction.suspendingExisting().call(() -> overLimit(request.requestedBy(), phoneHash));
        if (refusedBy != null) {
            metrics.counter("gonghui.sms.dropped", "reason", refusedBy).increment();
            LOG.warnf("Text message (%s) dropped: over the %s limit", request.purpose(), refusedBy);
            return;
        }
        Sealed phone = personalData.encrypt(Purpose.PHONE, request.phone());
        Sealed code = request.code() == null ? null : personalData.encrypt(Purpose.TEXT_CODE, request.code());
        // plain JDBC on the transaction's own connection: exact types for the nullable columns
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into text_outbox (purpose, phone_cipher, phone_key, phone_hash, code_cipher, code_key, not_after)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setString(1, request.purpose().name());
                insert.setBytes(2, phone.ciphertext());
                insert.setString(3, phone.keyId());
                insert.setBytes(4, phoneHash);
                insert.setBytes(5, code == null ? null : code.ciphertext());
                insert.setString(6, code == null ? null : code.keyId());
                if (request.notAfter() == null) {
                    insert.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setObject(7, OffsetDateTime.ofInstant(request.notAfter(), ZoneOffset.UTC));
                }
                insert.executeUpdate();
            }
        });
        metrics.counter("gonghui.sms.queued", "purpose", request.purpose().name()).increment();
        if (config.dispatchOnCommit()) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        dispatcher.start();
                    }
                }
            });
        }
    }

    /**
     * Takes a token from each limit in turn (login, number, global); the name of the first limit that
     * refuses, else null. Every request counts against the limits it reaches, sent or not.
     */
    String overLimit(String requestedBy, byte[] phoneHash) {
        SmsConfig.Limits l = config.limits();
        if (requestedBy != null && !buckets.tryTake("text-login", requestedBy,
                new Window(l.perLoginPerHour(), Duration.ofHours(1)), new Window(l.perLoginPerDay(), Duration.ofDays(1)))) {
            return "login";
        }
        // the bucket key is the number's keyed hash: the bucket table holds no number
        if (!buckets.tryTake("text-number", HexFormat.of().formatHex(phoneHash),
                new Window(l.perNumberPerHour(), Duration.ofHours(1)), new Window(l.perNumberPerDay(), Duration.ofDays(1)))) {
            return "number";
        }
        if (!buckets.tryTake("text-global", "all",
                new Window(l.globalPerMinute(), Duration.ofMinutes(1)), new Window(l.globalPerDay(), Duration.ofDays(1)))) {
            return "global";
        }
        return null;
    }
}
