package org.gonghui.support;

import io.smallrye.config.ConfigMapping;

/**
 * Keys protecting personal data. Production values come from the environment, never from the repository:
 * {@code GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS}, {@code GONGHUI_PERSONAL_DATA_ACTIVE_KEY},
 * {@code GONGHUI_PERSONAL_DATA_HASH_KEY}.
 */
@ConfigMapping(prefix = "gonghui.personal-data")
public interface PersonalDataConfig {

    /**
     * Encryption keys as {@code id:base64,id:base64}, each 32 bytes (AES-256). Old keys stay listed until
     * every row they encrypted has been re-encrypted under the active key.
     */
    String encryptionKeys();

    /** Id of the key new ciphertexts are made with. */
    String activeKey();

    /**
     * Base64 secret (at least 32 bytes) of the keyed hash that identifies a person. A stable key:
     * changing it means recomputing every hash, a planned migration, not a rotation.
     */
    String hashKey();

    /** Rows re-encrypted per run of the rotation job. */
    int reencryptBatchSize();

    /** How often the rotation job runs ({@code off} disables it). */
    String reencryptEvery();
}
