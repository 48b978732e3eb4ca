package org.gonghui.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gonghui.notification.SmsGateway.Outcome;
import org.gonghui.notification.SmsGateway.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The Alibaba Cloud gateway against a local fake SendSms endpoint (the JDK's HTTP server) that checks
 * every request's signature with the shared secret, as the provider does, and answers success or the
 * provider's error bodies; each answer maps to sent, retry or permanent failure.
 */
class AliyunSmsGatewayTest {

    static final String SECRET = "fake-secret";

    HttpServer server;
    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    /** What the fake answers next: HTTP status and body. */
    volatile int status = 200;
    volatile String body = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}";

    @BeforeEach
    void startFakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopFakeProvider() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        received.add(params);
        String signature = params.remove("Signature");
        boolean signed = "POST".equals(exchange.getRequestMethod())
                && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/x-www-form-urlencoded")
                && AliyunSignature.sign(AliyunSignature.stringToSign("POST", params), SECRET).equals(signature);
        int answerStatus = signed ? status : 400;
        String answerBody = signed ? body
                : "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched with our calculation.\",\"RequestId\":\"x\"}";
        byte[] bytes = answerBody.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answerStatus, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    AliyunSmsGateway gateway(String secret) {
        return gateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), secret);
    }

    static AliyunSmsGateway gateway(URI endpoint, String secret) {
        Map<TextPurpose, String> templates = new EnumMap<>(TextPurpose.class);
        for (TextPurpose purpose : TextPurpose.values()) {
            templates.put(purpose, "SMS_" + (100 + purpose.ordinal()));
        }
        return new AliyunSmsGateway(new AliyunSmsGateway.Settings(endpoint, "fake-id", secret, "工会服务", "cn-hangzhou", templates,
                Duration.ofSeconds(2)));
    }

    static TextMessage claimCode() {
        return new TextMessage(4711, "13912345678", TextPurpose.CLAIM_CODE, "482913");
    }

    @Test
    void aSignedSendSmsCarriesTheNumberTemplateCodeAndOutIdAndIsSent() {
        Outcome outcome = gateway(SECRET).send(claimCode());
        assertEquals(Outcome.Result.SENT, outcome.result(), outcome::toString);
        assertEquals("900619746936498440^0", outcome.providerId());
        assertEquals(1, received.size());
        Map<String, String> p = received.get(0);
        assertEquals("SendSms", p.get("Action"));
        assertEquals("2017-05-25", p.get("Version"));
        assertEquals("HMAC-SHA1", p.get("SignatureMethod"));
        assertEquals("1.0", p.get("SignatureVersion"));
        assertEquals("fake-id", p.get("AccessKeyId"));
        assertEquals("13912345678", p.get("PhoneNumbers"));
        assertEquals("工会服务", p.get("SignName"));
        assertEquals("SMS_100", p.get("TemplateCode"));
        assertEquals("{\"code\":\"482913\"}", p.get("TemplateParam"));
        assertEquals("4711", p.get("OutId"));
        assertTrue(p.get("Timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), p.get("Timestamp"));
        assertFalse(p.get("SignatureNonce").isBlank());
    }

    @Test
    void aNoticeHasNoTemplateParameter() {
        Outcome outcome = gateway(SECRET).send(new TextMessage(12, "13912345678", TextPurpose.PHONE_CHANGED_NOTICE, null));
        assertEquals(Outcome.Result.SENT, outcome.result());
        assertEquals("SMS_103", received.get(0).get("TemplateCode"));
        assertNull(received.get(0).get("TemplateParam"));
    }

    @Test
    void everyRequestHasAFreshNonce() {
        AliyunSmsGateway gateway = gateway(SECRET);
        gateway.send(claimCode());
        gateway.send(claimCode());
        assertEquals(2, received.size());
        assertFalse(received.get(0).get("SignatureNonce").equals(received.get(1).get("SignatureNonce")));
    }

    @Test
    void aWrongSecretIsRefusedAsSignatureDoesNotMatchAndNotRetried() {
        Outcome outcome = gateway("another-secret").send(claimCode());
        assertEquals(Outcome.Result.PERMANENT_FAILURE, outcome.result());
        assertEquals("SignatureDoesNotMatch", outcome.detail());
    }

    @Test
    void flowControlThrottlingBalanceAndProviderFaultsAreRetried() {
        for (String code : List.of("isv.BUSINESS_LIMIT_CONTROL", "isv.AMOUNT_NOT_ENOUGH", "Throttling.User", "Throttling", "isp.SYSTEM_ERROR")) {
            body = "{\"Code\":\"" + code + "\",\"Message\":\"...\",\"RequestId\":\"r\"}";
            Outcome outcome = gateway(SECRET).send(claimCode());
            assertEquals(Outcome.Result.RETRY, outcome.result(), code);
            assertEquals(code, outcome.detail());
        }
    }

    @Test
    void anIllegalNumberOrTemplateIsAPermanentFailure() {
        for (String code : List.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.SOMETHING_NEW")) {
            body = "{\"Code\":\"" + code + "\",\"Message\":\"...\",\"RequestId\":\"r\"}";
            Outcome outcome = gateway(SECRET).send(claimCode());
            assertEquals(Outcome.Result.PERMANENT_FAILURE, outcome.result(), code);
            assertEquals(code, outcome.detail());
        }
    }

    @Test
    void anUnreadableServerErrorIsRetriedAndAnUnreadableClientErrorIsNot() {
        status = 503;
        body = "<html>Service Unavailable</html>";
        assertEquals(Outcome.Result.RETRY, gateway(SECRET).send(claimCode()).result());
        status = 429;
        assertEquals(Outcome.Result.RETRY, gateway(SECRET).send(claimCode()).result());
        status = 404;
        assertEquals(Outcome.Result.PERMANENT_FAILURE, gateway(SECRET).send(claimCode()).result());
    }

    @Test
    void anUnreachableProviderIsRetried() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Outcome outcome = gateway(URI.create("http://127.0.0.1:" + port + "/"), SECRET).send(claimCode());
        assertEquals(Outcome.Result.RETRY, outcome.result(), outcome::toString);
    }

    @Test
    void theParametersOfATextAreSignedOverTheirCanonicalForm() {
        AliyunSmsGateway gateway = gateway(SECRET);
        Instant now = Instant.parse("2026-12-03T04:05:06.789Z");
        Map<String, String> p = gateway.parameters(claimCode(), "nonce-1", now);
        assertEquals("2026-12-03T04:05:06Z", p.get("Timestamp"));
        assertEquals("JSON", p.get("Format"));
        assertTrue(AliyunSignature.canonicalizedQuery(p).startsWith("AccessKeyId=fake-id&Action=SendSms&Format=JSON&OutId=4711&PhoneNumbers=13912345678"));
        assertEquals(now.truncatedTo(ChronoUnit.SECONDS), Instant.parse(p.get("Timestamp")));
    }
}
