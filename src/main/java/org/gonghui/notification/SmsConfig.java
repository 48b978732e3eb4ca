package org.gonghui.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Text messages: which gateway sends them, how the dispatcher retries, the limits and the Alibaba Cloud settings. */
@ConfigMapping(prefix = "gonghui.sms")
public interface SmsConfig {

    /** Whether texts are sent at all; when false they are still written and then dropped by the dispatcher (state FAILED, "disabled"). */
    @WithDefault("true")
    boolean enabled();

    /** {@code aliyun} (Alibaba Cloud SendSms) or {@code log} (dev and test builds only: the text is logged). */
    @WithDefault("aliyun")
    String gateway();

    /** Rows claimed per dispatcher round. */
    @WithDefault("50")
    int batch();

    /** Attempts before a message is given up (state FAILED). */
    @WithDefault("6")
    int maxAttempts();

    /** The wait before the first retry; doubled on every further attempt up to {@link #retryMax()}. */
    @WithDefault("10s")
    Duration retryBase();

    @WithDefault("10m")
    Duration retryMax();

    /** How long a claimed row stays with its replica; a replica that dies while sending frees it after this. */
    @WithDefault("2m")
    Duration claimFor();

    /** Finished rows (sent, failed, expired) are deleted this long after they finished. */
    @WithDefault("30d")
    Duration retention();

    /** How often the dispatcher looks for due texts besides being woken after commits ({@code off} in tests). */
    @WithDefault("5s")
    String dispatchEvery();

    /** How often finished rows older than the retention are deleted. */
    @WithDefault("1h")
    String purgeEvery();

    /** Whether a commit that wrote texts wakes the dispatcher at once (else the next scheduled round sends them). */
    @WithDefault("true")
    boolean dispatchOnCommit();

    Limits limits();

    Aliyun aliyun();

    /**
     * Limits against toll fraud and harassment, each over a rolling window and shared by all replicas
     * (support/RateLimitBuckets). A message over any of them is dropped and counted, never an error.
     */
    interface Limits {

        /** Texts caused by one login (the token subject) in any rolling hour and day. */
        @WithDefault("10")
        int perLoginPerHour();

        @WithDefault("20")
        int perLoginPerDay();

        /** Texts to one number in any rolling hour and day. */
        @WithDefault("5")
        int perNumberPerHour();

        @WithDefault("10")
        int perNumberPerDay();

        /** Texts of the whole service in any rolling minute and day. */
        @WithDefault("600")
        int globalPerMinute();

        @WithDefault("50000")
        int globalPerDay();
    }

    /** Alibaba Cloud SMS (dysmsapi) SendSms. */
    interface Aliyun {

        /** The API endpoint, e.g. {@code https://dysmsapi.aliyuncs.com/}. */
        @WithDefault("https://dysmsapi.aliyuncs.com/")
        String endpoint();

        Optional<String> accessKeyId();

        Optional<String> accessKeySecret();

        /** The approved signature (签名) that precedes every text, e.g. 工会服务. */
        Optional<String> signName();

        @WithDefault("cn-hangzhou")
        String regionId();

        /** The approved template code (SMS_...) of each purpose. */
        Templates templates();

        @WithDefault("5s")
        Duration timeout();
    }

    /** One provider template per purpose; code templates take the parameter {@code ${code}}. */
    interface Templates {

        Optional<String> claimCode();

        Optional<String> phoneChangeNew();

        Optional<String> phoneChangeOld();

        Optional<String> phoneChangedNotice();

        Optional<String> claimLinkedNotice();

        /** The template of a purpose, if configured. */
        default Optional<String> of(TextPurpose purpose) {
            Optional<String> template = switch (purpose) {
                case CLAIM_CODE -> claimCode();
                case PHONE_CHANGE_NEW -> phoneChangeNew();
                case PHONE_CHANGE_OLD -> phoneChangeOld();
                case PHONE_CHANGED_NOTICE -> phoneChangedNotice();
                case CLAIM_LINKED_NOTICE -> claimLinkedNotice();
            };
            return template.filter(t -> !t.isBlank());
        }
    }
}
