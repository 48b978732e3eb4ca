package org.gonghui.member;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A worker's request for help that waits on an official of the membership's union (the to-do list). */
@Entity
@Table(name = "claim_help_request")
public class ClaimHelpRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "union_id", updatable = false)
    public Long unionId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public ClaimHelpKind kind;

    @Column(name = "membership_id", updatable = false)
    public Long membershipId;

    @Column(updatable = false)
    public String subject;

    @Column(updatable = false)
    public String name;

    @Column(name = "contact_phone_cipher", updatable = false)
    public byte[] contactPhoneCipher;

    @Column(name = "contact_phone_key", updatable = false)
    public String contactPhoneKey;

    @Column(name = "contact_phone_masked", updatable = false)
    public String contactPhoneMasked;

    @Enumerated(EnumType.STRING)
    public ClaimHelpStatus status;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "close_note")
    public String closeNote;
}
