package org.gonghui.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/**
 * Protection of personal data at rest: AES-256-GCM encryption under a rotating key (each ciphertext
 * records its key id) and an HMAC-SHA256 keyed hash for look-up and de-duplication. The JDK's own
 * providers do both; they need no native-image configuration. The keys are checked at startup, so a
 * misconfigured deployment fails before it serves a request.
 */
@ApplicationScoped
@Startup
public class PersonalData {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String activeKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();
    /**
     * Cipher and Mac instances per thread: getInstance costs more than the encryption of a short
     * value (3 µs against 0.5 µs), which a 100,000-row roster import pays 300,000 times.
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    });
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Inject
    public PersonalData(PersonalDataConfig config) {
        this(config.encryptionKeys(), config.activeKey(), config.hashKey());
    }

    /** For tools outside the container (the benchmark's data generator). */
    public PersonalData(String encryptionKeys, String activeKey, String hashKey) {
        for (String entry : encryptionKeys.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalStateException("gonghui.personal-data.encryption-keys: expected id:base64[,id:base64...]");
            }
            byte[] key = decode("encryption key " + parts[0], parts[1]);
            if (key.length != 32) {
                throw new IllegalStateException("gonghui.personal-data.encryption-keys: key " + parts[0] + " must be 32 bytes, is " + key.length);
            }
            keys.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
        }
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("gonghui.personal-data.active-key: " + activeKey + " is not among the encryption keys");
        }
        this.activeKey = activeKey;
        byte[] secret = decode("hash key", hashKey);
        if (secret.length < 32) {
            throw new IllegalStateException("gonghui.personal-data.hash-key: at least 32 bytes needed, got " + secret.length);
        }
        this.hashKey = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** What a ciphertext protects; bound into it, so a ciphertext copied to another column does not decrypt. */
    public enum Purpose {
        ID_NUMBER, PHONE, ROSTER_FILE, REQUEST, HARDSHIP_DETAILS, ONE_TIME_CODE, CONTACT_PHONE, TEXT_CODE,
        /** The content of a rights case's attachment (and, for its keyed hash, that content's SHA-256). */
        RIGHTS_ATTACHMENT,
        /** Rights cases: descriptions, workers' names, step texts. */
        RIGHTS_CASE_TEXT
    }

    /** A ciphertext and the id of the key that made it. */
    public record Sealed(byte[] ciphertext, String keyId) {
    }

    public String activeKey() {
        return activeKey;
    }

    /** Whether a key other than the active one is configured: only then can a ciphertext need re-encryption. */
    public boolean hasRetiredKeys() {
        return keys.size() > 1;
    }

    public Sealed encrypt(Purpose purpose, byte[] plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.name().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
            return new Sealed(sealed, activeKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public Sealed encrypt(Purpose purpose, String plaintext) {
        return encrypt(purpose, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] decrypt(Purpose purpose, byte[] sealed, String keyId) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("personal data encrypted under key " + keyId + ", which is no longer configured");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.name().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data failed its integrity check (key " + keyId + ")", e);
        }
    }

    public String decryptText(Purpose purpose, byte[] sealed, String keyId) {
        return new String(decrypt(purpose, sealed, keyId), StandardCharsets.UTF_8);
    }

    /** The keyed hash of a normalized value; the purpose separates ID numbers from phones. */
    public byte[] hash(Purpose purpose, String normalized) {
        // doFinal leaves the Mac ready for the next value; after a failure it is reset by hand.
        Mac mac = macs.get();
        try {
            mac.update(purpose.name().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            mac.reset();
            throw e;
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] decode(String what, String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("gonghui.personal-data: " + what + " is not valid base64");
        }
    }
}
