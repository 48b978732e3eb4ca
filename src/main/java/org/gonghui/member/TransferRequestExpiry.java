package org.gonghui.member;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.union.TradeUnion;

import io.quarkus.scheduler.Scheduled;

/**
 * Writes EXPIRED on members' transfer requests that waited 30 days without a release or a decline, and
 * tells each member. Visibility and every action already treat a request past its expiry as ended;
 * this job makes the stored status (and the status filter) follow. Each expiry is audited with the
 * system as actor ({@code system:transfer-request-expiry}), also when a request finds an overdue row
 * first. Replicas share the work: rows another replica holds are skipped.
 */
@ApplicationScoped
public class TransferRequestExpiry {

    /** Rows per transaction of the job. */
    static final int BATCH = 500;

    /** The actor of the audit records this job writes. */
    static final String JOB = "transfer-request-expiry";

    @Inject
    Event<MemberNotice> notices;

    @Inject
    AuditLog audit;

    @Scheduled(every = "${gonghui.transfer-requests.expire-every:1m}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (expireDue() == BATCH) {
            // another full batch may be waiting
        }
    }

    /** Expires one batch of overdue requests; returns how many. */
    @Transactional
    public int expireDue() {
        List<MembershipTransfer> due = MembershipTransfer.<MembershipTransfer>find("status = ?1 and expiresAt <= ?2 order by expiresAt",
                TransferStatus.REQUESTED, OffsetDateTime.now())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: a row being released or declined right now is left alone
                .page(0, BATCH).list();
        expire(due);
        return due.size();
    }

    /** Marks these locked, overdue requests EXPIRED and notifies their members, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void expire(List<MembershipTransfer> overdue) {
        Map<Long, TradeUnion> unions = MemberService.byId(TradeUnion.listByIds(overdue.stream().map(t -> t.fromUnionId).distinct().toList()));
        for (MembershipTransfer t : overdue) {
            t.status = TransferStatus.EXPIRED;
            t.decidedAt = t.expiresAt;
            TradeUnion from = unions.get(t.fromUnionId);
            audit.recordBySystem(JOB, "expireTransferRequest", "Member", t.membershipId, from.id, from.path,
                    Map.of("transferId", String.valueOf(t.id), "transferStatus", TransferStatus.REQUESTED.name()),
                    Map.of("transferId", String.valueOf(t.id), "transferStatus", TransferStatus.EXPIRED.name()),
                    "30 天内未获办理 (not released or declined within 30 days)");
            notices.fire(new MemberNotice(t.membershipId, NoticeType.TRANSFER_STEP, "您的转会申请已过期 (30 天内未获办理), 可重新申请",
                    "Your transfer request expired (not handled within 30 days); you may ask again", String.valueOf(t.id)));
        }
        MembershipTransfer.flush();
    }
}
