package org.gonghui.member;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.ValidationException;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Six-digit one-time codes: drawn from SecureRandom, stored only as an HMAC (the personal data's
 * keyed-hash secret, over the row's random nonce and the code), compared in constant time.
 */
@ApplicationScoped
public class OneTimeCodes {

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

    /** How long a code lives and how many wrong tries it takes. */
    @ConfigMapping(prefix = "gonghui.one-time-codes")
    public interface Config {
        /** Validity of a code (the text is not sent after it either). */
        @WithDefault("5m")
        Duration validity();

        /** Wrong tries after which a code is spent. */
        @WithDefault("5")
        int maxAttempts();
    }

    private final SecureRandom random = new SecureRandom();

    @Inject
    PersonalData personalData;

    @Inject
    Config config;

    /** A new code: 000000 to 999999, uniformly. */
    String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    byte[] newNonce() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return nonce;
    }

    /** The keyed hash of a code under a row's nonce; the same work for any input. */
    byte[] hash(byte[] nonce, String code) {
        return personalData.hash(Purpose.ONE_TIME_CODE, HexFormat.of().formatHex(nonce) + ":" + code);
    }

    /** Whether a code matches its stored hash, in constant time. */
    boolean matches(byte[] nonce, String code, byte[] stored) {
        byte[] given = hash(nonce, code);
        return stored != null && MessageDigest.isEqual(given, stored);
    }

    OffsetDateTime expiry() {
        return OffsetDateTime.now().plus(config.validity());
    }

    int maxAttempts() {
        return config.maxAttempts();
    }

    /** A code as typed: exactly six digits (spaces around it trimmed), else VALIDATION naming the field. */
    static String parse(String field, String text) {
        String code = text == null ? "" : text.strip();
        if (!SIX_DIGITS.matcher(code).matches()) {
            throw new ValidationException(field + ": 验证码为 6 位数字 (a code is six digits)");
        }
        return code;
    }
}
