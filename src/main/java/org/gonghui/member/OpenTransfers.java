package org.gonghui.member;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.security.Caller;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionDissolved;

/**
 * Rights end everywhere at once: an open transfer request or released transfer does not outlive the
 * membership it moves (WITHDRAWN, DECEASED) nor the union it moves to (dissolved). It ends CANCELLED,
 * with the reason as its decision reason, an audit record ({@code endTransfer}) and a TRANSFER_STEP
 * notice, in the transaction of the change that ended it; a released transfer also gives the member
 * their previous status back. Transfers out of a dissolved union stay open: the union above it can
 * still release them, and the member needs somewhere to go.
 */
@ApplicationScoped
public class OpenTransfers {

    private static final List<TransferStatus> OPEN = List.of(TransferStatus.REQUESTED, TransferStatus.RELEASED);

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    MemberService members;

    @Inject
    Event<MemberNotice> notices;

    /** Ends the open request (or transfer) of a membership that has just ended; called by the status change. */
    @Transactional(Transactional.TxType.MANDATORY)
    void membershipEnded(Membership m) {
        String reason = "会籍已终止 (membership " + m.status + ")";
        for (MembershipTransfer t : lockedOpen("membershipId = ?1 and status in ?2", m.id)) {
            end(t, m, reason, "您的转会申请已撤销: 会籍已终止", "Your transfer request was cancelled: your membership ended");
        }
    }

    /** Ends every open request and released transfer into a union that has just been dissolved. */
    @Transactional(Transactional.TxType.MANDATORY)
    void unionDissolved(@Observes UnionDissolved event) {
        String reason = "转入工会已撤销 (the receiving union " + event.unionId() + " was dissolved)";
        for (MembershipTransfer t : lockedOpen("toUnionId = ?1 and status in ?2", event.unionId())) {
            Membership m = Membership.findWithPerson(t.membershipId).orElseThrow();
            if (t.status == TransferStatus.RELEASED) {
                members.setStatus(m, t.previousStatus, "接转已撤销: 转入工会已撤销 (the receiving union was dissolved)");
            }
            end(t, m, reason, "您的转会已撤销: 转入工会已撤销, 会籍恢复原状", "Your transfer was cancelled: the union you were moving to was dissolved; "
                    + "your membership is as it was before");
        }
    }

    /** Open transfers matching {@code where} (parameters: the id, the open statuses), locked against a concurrent release, accept or expiry. */
    private static List<MembershipTransfer> lockedOpen(String where, long id) {
        return MembershipTransfer.<MembershipTransfer>find(where + " order by id", id, OPEN).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private void end(MembershipTransfer t, Membership m, String reason, String zh, String en) {
        TransferStatus was = t.status;
        t.status = TransferStatus.CANCELLED;
        t.decidedBy = caller.subject();
        t.decidedAt = OffsetDateTime.now();
        t.decisionReason = reason;
        MembershipTransfer.flush();
        TradeUnion from = TradeUnion.findById(t.fromUnionId);
        audit.record("endTransfer", "Member", m.id, from.id, from.path,
                Map.of("transferId", String.valueOf(t.id), "transferStatus", was.name()),
                Map.of("transferId", String.valueOf(t.id), "transferStatus", t.status.name()), reason);
        notices.fire(new MemberNotice(m.id, NoticeType.TRANSFER_STEP, zh, en, String.valueOf(t.id)));
    }
}
