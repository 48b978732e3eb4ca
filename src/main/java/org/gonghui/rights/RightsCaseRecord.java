package org.gonghui.rights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rights case as stored; never a GraphQL type itself: the API builds {@link RightsCase} views for the caller's reach. */
@Entity
@Table(name = "rights_case")
public class RightsCaseRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public RightsCaseCategory category;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public RightsCaseChannel channel;

    @Enumerated(EnumType.STRING)
    public RightsCaseStatus status;

    @Column(name = "worker_subject", updatable = false)
    public String workerSubject;

    @Column(name = "membership_id", updatable = false)
    public Long membershipId;

    @Column(name = "person_hash", updatable = false)
    public byte[] personHash;

    @Column(name = "worker_name_cipher")
    public byte[] workerNameCipher;

    @Column(name = "worker_name_key")
    public String workerNameKey;

    @Column(name = "worker_name_masked")
    public String workerNameMasked;

    @Column(name = "employer_name", updatable = false)
    public String employerName;

    @Column(name = "employer_credit_code", updatable = false)
    public String employerCreditCode;

    @Column(name = "region_code", updatable = false)
    public String regionCode;

    @Column(name = "description_cipher")
    public byte[] descriptionCipher;

    @Column(name = "description_key")
    public String descriptionKey;

    @Column(name = "description_masked")
    public String descriptionMasked;

    @Column(name = "contact_phone_cipher")
    public byte[] contactPhoneCipher;

    @Column(name = "contact_phone_key")
    public String contactPhoneKey;

    @Column(name = "contact_phone_masked")
    public String contactPhoneMasked;

    @Column(name = "preferred_contact_time", updatable = false)
    public String preferredContactTime;

    @Column(name = "amount_claimed", updatable = false)
    public BigDecimal amountClaimed;

    @Column(name = "received_union_id", updatable = false)
    public Long receivedUnionId;

    @Column(name = "handling_union_id")
    public Long handlingUnionId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "referred_from_union_ids", columnDefinition = "bigint[]")
    public Long[] referredFromUnionIds = new Long[0];

    @Column(name = "submitted_by", updatable = false)
    public String submittedBy;

    @Column(name = "submitted_at", updatable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "accept_due")
    public LocalDate acceptDue;

    @Column(name = "resolve_due")
    public LocalDate resolveDue;

    @Column(name = "deadline_fallback")
    public boolean deadlineFallback;

    @Column(name = "assigned_to")
    public String assignedTo;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "declined_at")
    public OffsetDateTime declinedAt;

    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "resolve_working_days")
    public Integer resolveWorkingDays;

    @Enumerated(EnumType.STRING)
    public RightsCaseOutcome outcome;

    @Column(name = "outcome_text")
    public String outcomeText;

    @Column(name = "wages_recovered")
    public BigDecimal wagesRecovered;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public Short rating;

    @Column(name = "rating_comment")
    public String ratingComment;

    /** The next deadline as the queue sorts it (a generated column, V18). */
    @Column(name = "due_sort", insertable = false, updatable = false)
    public LocalDate dueSort;

    @Version
    public int version;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** What the figures read of this case as loaded; {@link RightsCaseFigureLedger} writes the difference a step makes. Null for a new case. */
    @Transient
    RightsCaseFigureLedger.Facts figuresAsLoaded;

    @PostLoad
    void rememberFigures() {
        figuresAsLoaded = RightsCaseFigureLedger.Facts.of(this);
    }
}
