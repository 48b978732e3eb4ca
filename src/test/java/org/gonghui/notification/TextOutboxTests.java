package org.gonghui.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.gonghui.notification.SmsGateway.Outcome;
import org.gonghui.notification.SmsGateway.TextMessage;
import org.gonghui.support.PersonalData;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The text outbox: written in the requester's transaction, sent after commit by the dispatcher with
 * retries, once per row even with two dispatchers, late codes dropped, limits that drop and count.
 * The scheduled dispatcher is off in tests ({@code %test.gonghui.sms.dispatch-every=off}): each test
 * drives it, mostly with a scripted gateway.
 */
@QuarkusTestWithOidc
class TextOutboxTests {

    @Inject
    Event<TextMessageRequested> texts;

    @Inject
    TextDispatcher dispatcher;

    @Inject
    LogSmsGateway logGateway;

    @Inject
    AliyunSmsGateway aliyunGateway;

    @Inject
    PersonalData personalData;

    @Inject
    MeterRegistry metrics;

    @Inject
    SmsConfig config;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyOutbox() {
        DemoData.execute(dataSource, "delete from text_outbox");
    }

    /** A mainland mobile number no other test uses. */
    static String number() {
        return "13" + (3 + ThreadLocalRandom.current().nextInt(7)) + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String login() {
        return "sub-texts-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
    }

    void request(String phone, TextPurpose purpose, String code, Instant notAfter, String login) {
        QuarkusTransaction.requiringNew().run(() -> texts.fire(new TextMessageRequested(phone, purpose, code, notAfter, login)));
    }

    void requestCode(String phone) {
        request(phone, TextPurpose.CLAIM_CODE, "482913", Instant.now().plusSeconds(300), login());
    }

    long rowsFor(String phone) {
        return DemoData.queryLong(dataSource, "select count(*) from text_outbox where phone_hash = '\\x"
                + HexFormat.of().formatHex(personalData.hash(PersonalData.Purpose.PHONE, phone)) + "'");
    }

    String state(String phone) {
        return DemoData.queryString(dataSource, "select state || ' ' || attempts || ' ' || (code_cipher is null) from text_outbox where phone_hash = '\\x"
                + HexFormat.of().formatHex(personalData.hash(PersonalData.Purpose.PHONE, phone)) + "'");
    }

    double dropped(String reason) {
        return metrics.counter("gonghui.sms.dropped", "reason", reason).count();
    }

    /** A gateway that records what it is asked to send and answers as told. */
    static class ScriptedGateway implements SmsGateway {
        final List<TextMessage> sent = Collections.synchronizedList(new ArrayList<>());
        final Function<TextMessage, Outcome> answer;

        ScriptedGateway(Function<TextMessage, Outcome> answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Outcome send(TextMessage message) {
            sent.add(message);
            return answer.apply(message);
        }
    }

    @Test
    void aRequestIsStoredInItsTransactionWithTheNumberAndCodeEncrypted() {
        String phone = number();
        requestCode(phone);
        assertEquals(1, rowsFor(phone));
        assertEquals("PENDING 0 false", state(phone));
        // neither the number nor the code appears in clear anywhere in the row
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from text_outbox t where strpos(t::text, '" + phone + "') > 0"
                + " or strpos(encode(t.phone_cipher, 'escape'), '" + phone + "') > 0 or strpos(encode(t.code_cipher, 'escape'), '482913') > 0"));
    }

    @Test
    void aRolledBackRequestLeavesNothingToSend() {
        String phone = number();
        QuarkusTransaction.begin();
        texts.fire(new TextMessageRequested(phone, TextPurpose.CLAIM_CODE, "482913", Instant.now().plusSeconds(300), login()));
        QuarkusTransaction.rollback();
        assertEquals(0, rowsFor(phone));
        ScriptedGateway gateway = new ScriptedGateway(m -> Outcome.sent("x"));
        assertEquals(0, dispatcher.dispatchDue(gateway));
        assertTrue(gateway.sent.isEmpty());
    }

    @Test
    void aRequestOutsideATransactionIsAProgrammingErrorNotASilentSend() {
        String phone = number();
        assertThrows(RuntimeException.class, () -> texts.fire(new TextMessageRequested(phone, TextPurpose.CLAIM_CODE, "482913", null, login())));
        assertEquals(0, rowsFor(phone));
    }

    @Test
    void theDispatcherSendsARowOnceWithItsIdAsOutIdAndClearsTheCode() {
        String phone = number();
        requestCode(phone);
        long id = DemoData.queryLong(dataSource, "select max(id) from text_outbox");
        ScriptedGateway gateway = new ScriptedGateway(m -> Outcome.sent("biz-" + m.outId()));
        assertEquals(1, dispatcher.dispatchDue(gateway));
        assertEquals(1, gateway.sent.size());
        TextMessage sent = gateway.sent.get(0);
        assertEquals(id, sent.outId());
        assertEquals(phone, sent.phone());
        assertEquals("482913", sent.code());
        assertEquals(TextPurpose.CLAIM_CODE, sent.purpose());
        assertEquals("SENT 1 true", state(phone));
        assertEquals("biz-" + id, DemoData.queryString(dataSource, "select provider_id from text_outbox where id = " + id));
        // a second round finds nothing: a sent row is never sent again
        assertEquals(0, dispatcher.dispatchDue(gateway));
        assertEquals(1, gateway.sent.size());
    }

    @Test
    void aRetryWaitsWithGrowingBackoffAndGivesUpAfterTheLastAttempt() {
        String phone = number();
        request(phone, TextPurpose.PHONE_CHANGED_NOTICE, null, null, login());
        ScriptedGateway gateway = new ScriptedGateway(m -> Outcome.retry("isv.BUSINESS_LIMIT_CONTROL"));
        assertEquals(1, dispatcher.dispatchDue(gateway));
        assertEquals("PENDING 1 true", state(phone));
        // not due yet: the backoff holds it back
        assertEquals(0, dispatcher.dispatchDue(gateway));
        double waited = DemoData.queryLong(dataSource, "select round(extract(epoch from next_attempt_at - now()))::bigint from text_outbox");
        assertTrue(waited >= config.retryBase().toSeconds() - 2 && waited <= config.retryBase().toSeconds(), "waits " + waited);
        assertEquals(config.retryBase().multipliedBy(2), dispatcher.backoff(2));
        assertEquals(config.retryMax(), dispatcher.backoff(30));
        for (int attempt = 2; attempt <= config.maxAttempts(); attempt++) {
            DemoData.execute(dataSource, "update text_outbox set next_attempt_at = now()");
            assertEquals(1, dispatcher.dispatchDue(gateway));
        }
        assertEquals("FAILED " + config.maxAttempts() + " true", state(phone));
        assertEquals(config.maxAttempts(), gateway.sent.size());
        assertEquals("isv.BUSINESS_LIMIT_CONTROL", DemoData.queryString(dataSource, "select last_error from text_outbox"));
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        String phone = number();
        requestCode(phone);
        ScriptedGateway gateway = new ScriptedGateway(m -> Outcome.permanentFailure("isv.MOBILE_NUMBER_ILLEGAL"));
        dispatcher.dispatchDue(gateway);
        assertEquals("FAILED 1 true", state(phone));
        DemoData.execute(dataSource, "update text_outbox set next_attempt_at = now()");
        assertEquals(0, dispatcher.dispatchDue(gateway));
        assertEquals(1, gateway.sent.size());
    }

    @Test
    void aCodePastItsValidityIsDroppedNotSentLate() {
        String phone = number();
        request(phone, TextPurpose.CLAIM_CODE, "482913", Instant.now().minusSeconds(1), login());
        double before = dropped("expired");
        ScriptedGateway gateway = new ScriptedGateway(m -> Outcome.sent("x"));
        assertEquals(1, dispatcher.dispatchDue(gateway));
        assertTrue(gateway.sent.isEmpty());
        assertEquals("EXPIRED 1 true", state(phone));
        assertEquals(before + 1, dropped("expired"));
    }

    @Test
    void aCodeWhoseRetryComesTooLateIsDroppedAtItsNextTurn() {
        String phone = number();
        request(phone, TextPurpose.CLAIM_CODE, "482913", Instant.now().plusSeconds(3), login());
        ScriptedGateway gateway = new ScriptedGateway(m -> Outcome.retry("Throttling.User"));
        dispatcher.dispatchDue(gateway);
        DemoData.execute(dataSource, "update text_outbox set next_attempt_at = now(), not_after = now() - interval '1 second'");
        dispatcher.dispatchDue(gateway);
        assertEquals(1, gateway.sent.size());
        assertEquals("EXPIRED 2 true", state(phone));
    }

    @Test
    void twoDispatchersAtOnceSendEveryRowExactlyOnce() throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            phones.add(number());
        }
        QuarkusTransaction.requiringNew().run(() -> phones.forEach(phone -> texts.fire(new TextMessageRequested(phone,
                TextPurpose.CLAIM_LINKED_NOTICE, null, null, null))));
        ScriptedGateway gateway = new ScriptedGateway(m -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.sent("x");
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> dispatcher.dispatchDue(gateway));
            Future<Integer> b = pool.submit(() -> dispatcher.dispatchDue(gateway));
            assertEquals(60, a.get() + b.get());
        } finally {
            pool.shutdown();
        }
        assertEquals(60, gateway.sent.size());
        assertEquals(60, gateway.sent.stream().map(TextMessage::outId).distinct().count());
        assertEquals(60, DemoData.queryLong(dataSource, "select count(*) from text_outbox where state = 'SENT'"));
    }

    @Test
    void aClaimLeftByADeadReplicaIsTakenOverWhenItRunsOutAndItsLateOutcomeIsIgnored() {
        String phone = number();
        request(phone, TextPurpose.PHONE_CHANGED_NOTICE, null, null, login());
        List<TextDispatcher.Claimed> first = dispatcher.claim();
        assertEquals(1, first.size());
        // the claim holds: nobody else takes the row
        assertTrue(dispatcher.claim().isEmpty());
        DemoData.execute(dataSource, "update text_outbox set next_attempt_at = now() - interval '1 second'");
        ScriptedGateway gateway = new ScriptedGateway(m -> Outcome.sent("second"));
        assertEquals(1, dispatcher.dispatchDue(gateway));
        assertEquals("SENT 2 true", state(phone));
    }

    /** What a limit grants at once: half of each window's allowance (rounded up), the rest refills over the window. */
    static int atOnce(int perHour, int perDay) {
        return Math.min((perHour + 1) / 2, (perDay + 1) / 2);
    }

    @Test
    void overThePerNumberLimitATextIsDroppedAndCountedWithoutAnError() {
        String phone = number();
        double before = dropped("number");
        int allowed = atOnce(config.limits().perNumberPerHour(), config.limits().perNumberPerDay());
        for (int i = 0; i < allowed + 2; i++) {
            request(phone, TextPurpose.PHONE_CHANGED_NOTICE, null, null, login());
        }
        assertEquals(allowed, rowsFor(phone));
        assertEquals(before + 2, dropped("number"));
    }

    @Test
    void overThePerLoginLimitATextIsDroppedAndCountedWithoutAnError() {
        String login = login();
        double before = dropped("login");
        int allowed = atOnce(config.limits().perLoginPerHour(), config.limits().perLoginPerDay());
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < allowed + 1; i++) {
            String phone = number();
            phones.add(phone);
            request(phone, TextPurpose.CLAIM_CODE, "482913", Instant.now().plusSeconds(300), login);
        }
        assertEquals(allowed, phones.stream().mapToLong(this::rowsFor).sum());
        assertEquals(0, rowsFor(phones.get(phones.size() - 1)));
        assertEquals(before + 1, dropped("login"));
    }

    @Test
    void theTestBuildSendsThroughTheLogGatewayWhichKeepsTheCodeForTheDeveloper() {
        String phone = number();
        requestCode(phone);
        assertEquals("log", dispatcher.gateway().name());
        assertEquals(1, dispatcher.dispatchDue());
        TextMessage last = logGateway.recent().get(0);
        assertEquals(phone, last.phone());
        assertEquals("482913", last.code());
        assertEquals("SENT 1 true", state(phone));
        assertFalse(last.toString().contains(phone), "a text's toString must not carry the number");
    }

    @Test
    void theAlibabaCloudGatewayNamesEveryMissingSettingAndNoSecret() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, aliyunGateway::checkConfiguration);
        for (String key : List.of("gonghui.sms.aliyun.access-key-id", "gonghui.sms.aliyun.access-key-secret", "gonghui.sms.aliyun.sign-name",
                "gonghui.sms.aliyun.templates.claim-code", "gonghui.sms.aliyun.templates.claim-linked-notice")) {
            assertTrue(refused.getMessage().contains(key), refused.getMessage());
        }
        assertNull(config.aliyun().accessKeySecret().orElse(null));
    }
}
