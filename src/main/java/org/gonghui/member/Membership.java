package org.gonghui.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.gonghui.support.PublicQueryBuckets;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person's membership of one union (会籍), from application to its end. Every change bumps the
 * version: two officials acting on the same member at once cannot both succeed.
 */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", updatable = false)
    public Person person;

    @Column(name = "person_hash", updatable = false)
    public byte[] personHash;

    @Column(name = "union_id")
    public Long unionId;

    /** The person's name, copied for searches per union. */
    @Column(updatable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    public MemberStatus status;

    public boolean provisional;

    @Column(name = "card_number")
    public String cardNumber;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "employer_name")
    public String employerName;

    @Column(name = "employer_credit_code")
    public String employerCreditCode;

    public String occupation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "key_groups", columnDefinition = "text[]")
    public String[] keyGroups = new String[0];

    @Column(name = "new_employment_form")
    public boolean newEmploymentForm;

    @Column(name = "migrant_worker")
    public boolean migrantWorker;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "applicant_subject", updatable = false)
    public String applicantSubject;

    @Version
    public int version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    List<KeyGroup> keyGroupList() {
        return Arrays.stream(keyGroups).map(KeyGroup::valueOf).toList();
    }

    /** With its person, in one statement. */
    static Optional<Membership> findWithPerson(long id) {
        return find("from Membership m join fetch m.person where m.id = ?1", id).firstResultOptional();
    }

    /** The person's membership that counts (PROVISIONAL, ACTIVE, TRANSFERRING or RETAINED), if any. */
    static Optional<Membership> findOpen(byte[] personHash) {
        return find("personHash = ?1 and status in ?2", personHash, MemberStatus.OPEN).firstResultOptional();
    }

    static Optional<Membership> findPending(byte[] personHash) {
        return find("personHash = ?1 and status = ?2", personHash, MemberStatus.PENDING).firstResultOptional();
    }

    /** Who holds a card now, as a card check shows it: person's name, status and union name. */
    public record CardHolder(String name, MemberStatus status, String unionName) {
    }

    /**
     * A read of the holder of a card number through the card number's unique index (then the person and the
     * union by their keys), for the statement that also takes the public card check's rate-limit token
     * ({@link PublicQueryBuckets}); empty when no membership has this number.
     */
    public static PublicQueryBuckets.Read<Optional<CardHolder>> cardHolderRead(String cardNumber) {
        return new PublicQueryBuckets.Read<>("""
                select p.name, m.status, u.name as union_name
                  from membership m
                  join person p on p.id_hash = m.person_hash and p.id = m.person_id
                  join trade_union u on u.id = m.union_id
                 where m.card_number = ?""", List.of(cardNumber), row -> {
            String name = row.getString("name");
            return name == null ? Optional.empty()
                    : Optional.of(new CardHolder(name, MemberStatus.valueOf(row.getString("status")), row.getString("union_name")));
        });
    }

    static String nextCardNumber() {
        long n = ((Number) getEntityManager().createNativeQuery("select nextval('member_card_seq')").getSingleResult()).longValue();
        return "GH" + String.format("%012d", n);
    }
}
