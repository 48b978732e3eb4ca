package org.gonghui.member;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A one-time code sent to a phone: a membership claim, or a phone change (two codes). Holds only the
 * keyed hashes of its codes ({@link OneTimeCodes}); a claim that matched nothing is a decoy with no
 * membership, so that a miss writes what a match writes.
 */
@Entity
@Table(name = "one_time_code")
public class OneTimeCode extends PanacheEntityBase {

    /** What the code confirms. */
    public enum Kind {
        CLAIM, PHONE_CHANGE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "id_hash", updatable = false)
    public byte[] idHash;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Kind kind;

    @Column(updatable = false)
    public String subject;

    @Column(name = "membership_id", updatable = false)
    public Long membershipId;

    @Column(updatable = false)
    public byte[] nonce;

    @Column(name = "code_hash", updatable = false)
    public byte[] codeHash;

    @Column(name = "new_code_hash", updatable = false)
    public byte[] newCodeHash;

    @Column(name = "new_phone_cipher", updatable = false)
    public byte[] newPhoneCipher;

    @Column(name = "new_phone_key", updatable = false)
    public String newPhoneKey;

    public int attempts;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", updatable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** The login's open code of this kind (the newest; requesting a new one closes the older), locked for the check. */
    static Optional<OneTimeCode> findOpenForUpdate(String subject, Kind kind) {
        return find("subject = ?1 and kind = ?2 and closedAt is null order by id desc", subject, kind)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Closes the login's open codes of this kind: only the newest request counts. */
    static void closeOpen(String subject, Kind kind) {
        update("closedAt = ?1 where subject = ?2 and kind = ?3 and closedAt is null", OffsetDateTime.now(), subject, kind);
    }
}
