package org.gonghui.member;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A transfer (会员接转): released by the outgoing union, then accepted or cancelled; or first a member's
 * request (REQUESTED), which the outgoing union releases or declines, the member cancels, or which expires.
 */
@Entity
@Table(name = "membership_transfer")
@Name("MembershipTransfer")
@Description("会员接转 (a member's transfer from one grassroots union to another)")
public class MembershipTransfer extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the transfer.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "membership_id", updatable = false)
    @Description("Id of the member (membership) being transferred.")
    public Long membershipId;

    @NonNull
    @Column(name = "member_name", updatable = false)
    @Description("会员姓名 (the member's name when released): shown even where the member itself is no longer visible.")
    public String memberName;

    @Ignore
    @Column(name = "person_hash", updatable = false)
    public byte[] personHash;

    @Id
    @NonNull
    @Column(name = "from_union_id", updatable = false)
    @Description("The outgoing union.")
    public Long fromUnionId;

    @Id
    @NonNull
    @Column(name = "to_union_id", updatable = false)
    @Description("The receiving union.")
    public Long toUnionId;

    @Ignore
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public MemberStatus previousStatus;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("Where the transfer stands.")
    public TransferStatus status;

    @Description("Why the member moves (given when releasing).")
    public String reason;

    @Column(name = "released_by")
    @Description("Token subject of the official who released the member; null for a request that was not released.")
    public String releasedBy;

    @Column(name = "released_at")
    @Description("When the member was released; null for a request that was not released.")
    public OffsetDateTime releasedAt;

    @Ignore
    @Column(name = "requested_by", updatable = false)
    public String requestedBy;

    @Column(name = "requested_at", updatable = false)
    @Description("会员提出转会申请的时间 (when the member asked to move); null for a transfer the outgoing union started itself.")
    public OffsetDateTime requestedAt;

    @Column(name = "expires_at", updatable = false)
    @Description("申请有效期至 (a REQUESTED request not released or declined by then becomes EXPIRED); null without a request.")
    public OffsetDateTime expiresAt;

    @Column(name = "requested_region_code", updatable = false)
    @Description("会员申请时填写的地区代码 (the region code the member gave instead of a union; null when they named the union).")
    public String requestedRegionCode;

    @Column(name = "decided_by")
    @Description("Token subject of whoever accepted, cancelled or declined (the member's own login when they cancelled their request).")
    public String decidedBy;

    @Column(name = "decided_at")
    @Description("When it was accepted, cancelled, declined or expired.")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_reason")
    @Description("Reason given when cancelling or declining.")
    public String decisionReason;

    /** Whether this is a member's request still waiting for the outgoing union now (REQUESTED and not past its expiry). */
    boolean isOpenRequest() {
        return status == TransferStatus.REQUESTED && expiresAt.isAfter(OffsetDateTime.now());
    }

    /** Transfers from or to unions in a subtree (or one union), newest first, before {@code beforeId}. */
    @SuppressWarnings("unchecked")
    static List<MembershipTransfer> findPage(String where, java.util.Map<String, Object> params, Long beforeId, int limit) {
        var query = getEntityManager().createNativeQuery("select t.* from membership_transfer t where " + where
                + (beforeId == null ? "" : " and t.id < :before") + " order by t.id desc limit :limit", MembershipTransfer.class);
        params.forEach(query::setParameter);
        if (beforeId != null) {
            query.setParameter("before", beforeId);
        }
        return query.setParameter("limit", limit).getResultList();
    }
}
