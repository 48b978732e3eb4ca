package org.gonghui.notification;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jboss.logging.Logger;

/**
 * Alibaba Cloud SMS {@code SendSms} (dysmsapi, API version 2017-05-25) over HTTPS with the RPC
 * signature ({@link AliyunSignature}), through the JDK's HTTP client: one form-encoded POST per text
 * (POST keeps the number out of URLs and access logs). The outbox id travels as {@code OutId}, which
 * the provider returns in its delivery receipts. Provider codes map to sent / retry / give up.
 */
@ApplicationScoped
public class AliyunSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(AliyunSmsGateway.class);

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** Provider codes worth another try later: flow control, balance, throttling, the provider's own faults. */
    static final Set<String> RETRY_CODES = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.AMOUNT_NOT_ENOUGH",
            "isv.OUT_OF_SERVICE", "isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR", "isp.SYSTEM_BUSY", "SignatureNonceUsed", "ServiceUnavailable",
            "InternalError", "InvalidTimeStamp.Expired");

    /** Of the codes that will not work by retrying, the ones an operator must fix (logged as errors, not warnings). */
    static final Set<String> OPERATOR_CODES = Set.of("SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive",
            "IncompleteSignature", "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGN_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.TEMPLATE_MISSING_PARAMETERS", "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL", "isv.DENY_IP_RANGE", "isv.AMOUNT_NOT_ENOUGH",
            "Forbidden.RAM", "isp.RAM_PERMISSION_DENY");

    @Inject
    SmsConfig config;

    private Settings settings;

    private HttpClient http;

    /** What a send needs, read once from the configuration (or given by a test). */
    record Settings(URI endpoint, String accessKeyId, String accessKeySecret, String signName, String regionId,
            Map<TextPurpose, String> templates, Duration timeout) {
    }

    public AliyunSmsGateway() {
    }

    /** A gateway with the given settings, outside CDI (tests against a local fake server). */
    AliyunSmsGateway(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @PostConstruct
    void init() {
        SmsConfig.Aliyun a = config.aliyun();
        Map<TextPurpose, String> templates = new EnumMap<>(TextPurpose.class);
        for (TextPurpose purpose : TextPurpose.values()) {
            a.templates().of(purpose).ifPresent(t -> templates.put(purpose, t));
        }
        URI endpoint;
        try {
            endpoint = URI.create(a.endpoint());
        } catch (IllegalArgumentException e) {
            endpoint = null;
        }
        settings = new Settings(endpoint, a.accessKeyId().filter(v -> !v.isBlank()).orElse(null),
                a.accessKeySecret().filter(v -> !v.isBlank()).orElse(null), a.signName().filter(v -> !v.isBlank()).orElse(null), a.regionId(),
                templates, a.timeout());
        http = HttpClient.newBuilder().connectTimeout(a.timeout()).build();
    }

    @Override
    public String name() {
        return "aliyun";
    }

    /** Lists every missing setting by its configuration key; fails when there is one. */
    @Override
    public void checkConfiguration() {
        List<String> missing = new ArrayList<>();
        if (settings.accessKeyId() == null) {
            missing.add("gonghui.sms.aliyun.access-key-id");
        }
        if (settings.accessKeySecret() == null) {
            missing.add("gonghui.sms.aliyun.access-key-secret");
        }
        if (settings.signName() == null) {
            missing.add("gonghui.sms.aliyun.sign-name");
        }
        for (TextPurpose purpose : TextPurpose.values()) {
            if (!settings.templates().containsKey(purpose)) {
                missing.add("gonghui.sms.aliyun.templates." + purpose.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        if (settings.endpoint() == null || settings.endpoint().getScheme() == null || settings.endpoint().getHost() == null) {
            missing.add("gonghui.sms.aliyun.endpoint (an absolute URL)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Text messages are enabled with the Alibaba Cloud gateway, but its configuration is missing: "
                    + String.join(", ", missing) + " (or set gonghui.sms.enabled=false)");
        }
    }

    @Override
    public Outcome send(TextMessage message) {
        Map<String, String> parameters = parameters(message, UUID.randomUUID().toString(), Instant.now());
        String signature = AliyunSignature.sign(AliyunSignature.stringToSign("POST", parameters), settings.accessKeySecret());
        String body = "Signature=" + AliyunSignature.percentEncode(signature) + "&" + AliyunSignature.canonicalizedQuery(parameters);
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Outcome.retry("network: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
        Outcome outcome = classify(response.statusCode(), response.body());
        if (outcome.result() == Outcome.Result.PERMANENT_FAILURE || outcome.detail() != null && OPERATOR_CODES.contains(outcome.detail())) {
            LOG.errorf("Alibaba Cloud SMS refused %s: %s", message, outcome.detail());
        }
        return outcome;
    }

    /** The SendSms parameters of a text, without Signature (nonce and time given, for tests). */
    Map<String, String> parameters(TextMessage message, String nonce, Instant now) {
        Map<String, String> p = new TreeMap<>();
        p.put("AccessKeyId", settings.accessKeyId());
        p.put("Action", "SendSms");
        p.put("Format", "JSON");
        p.put("RegionId", settings.regionId());
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", nonce);
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", TIMESTAMP.format(now.truncatedTo(ChronoUnit.SECONDS)));
        p.put("Version", "2017-05-25");
        p.put("PhoneNumbers", message.phone());
        p.put("SignName", settings.signName());
        p.put("TemplateCode", settings.templates().get(message.purpose()));
        p.put("OutId", Long.toString(message.outId()));
        if (message.code() != null) {
            p.put("TemplateParam", Json.createObjectBuilder().add("code", message.code()).build().toString());
        }
        return p;
    }

    /**
     * The outcome of a SendSms answer: {@code Code} OK is sent (BizId kept); codes of {@link #RETRY_CODES}
     * and throttling ({@code Throttling*}) are retried; any other code is a permanent failure. Without a
     * readable code, HTTP 429 and 5xx are retried and anything else is a permanent failure.
     */
    static Outcome classify(int status, String body) {
        String code = null;
        String bizId = null;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            JsonObject json = reader.readObject();
            code = json.getString("Code", null);
            bizId = json.getString("BizId", null);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            // not a JSON object: judged by the status alone
        }
        if (code == null) {
            return status == 429 || status >= 500 ? Outcome.retry("HTTP " + status) : Outcome.permanentFailure("HTTP " + status);
        }
        if ("OK".equals(code)) {
            return Outcome.sent(bizId);
        }
        if (RETRY_CODES.contains(code) || code.startsWith("Throttling")) {
            return Outcome.retry(code);
        }
        return Outcome.permanentFailure(code);
    }
}
