package org.gonghui.member;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionRef;

/**
 * A member's own transfer request as the member sees it: where it stands and why, without the
 * officials' logins. Built from a row and its two unions; its status reads EXPIRED as soon as the
 * request is past its expiry, also before the expiry job has written it.
 */
@Description("本人的转会申请 (a transfer request as the member who made it sees it)")
public class TransferRequest {

    @Id
    @NonNull
    @Description("Id of the request (the same id as in membershipTransfers).")
    public Long id;

    @NonNull
    @Description("Where it stands: REQUESTED, then RELEASED (and later ACCEPTED or CANCELLED), DECLINED, CANCELLED or EXPIRED.")
    public TransferStatus status;

    @NonNull
    @Description("转出工会 (the member's union when they asked).")
    public UnionRef fromUnion;

    @NonNull
    @Description("转入工会 (the union the member asked to move to; for a region code, that area's community or joint union).")
    public UnionRef toUnion;

    @Description("The region code the member gave instead of a union; null when they named the union.")
    public String regionCode;

    @Description("The member's reason.")
    public String reason;

    @NonNull
    @Description("When the member asked.")
    public OffsetDateTime requestedAt;

    @NonNull
    @Description("Until when it waits for the outgoing union (30 days after the request).")
    public OffsetDateTime expiresAt;

    @Description("When it was released by the outgoing union; null before.")
    public OffsetDateTime releasedAt;

    @Description("When it was declined, cancelled, accepted or expired; null while open.")
    public OffsetDateTime decidedAt;

    @Description("不同意或撤销的理由 (the outgoing union's reason for declining, or the reason given when cancelling).")
    public String decisionReason;

    public TransferRequest() {
    }

    TransferRequest(MembershipTransfer t, TradeUnion from, TradeUnion to) {
        this.id = t.id;
        boolean overdue = t.status == TransferStatus.REQUESTED && !t.isOpenRequest();
        this.status = overdue ? TransferStatus.EXPIRED : t.status;
        this.fromUnion = new UnionRef(from);
        this.toUnion = new UnionRef(to);
        this.regionCode = t.requestedRegionCode;
        this.reason = t.reason;
        this.requestedAt = t.requestedAt;
        this.expiresAt = t.expiresAt;
        this.releasedAt = t.releasedAt;
        this.decidedAt = overdue ? t.expiresAt : t.decidedAt;
        this.decisionReason = t.decisionReason;
    }
}
