package org.gonghui.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.gonghui.notification.MemberNotice;

/**
 * Records every {@link MemberNotice} a feature fires, and whether a transaction was active then (the
 * contract: fired synchronously inside the feature's transaction, so a rolled-back step notifies
 * nobody). Stands in for the notification outbox, which observes the same event in its own part.
 */
@ApplicationScoped
public class RecordedNotices {

    /** A notice and whether it was fired inside an active transaction. */
    public record Recorded(MemberNotice notice, boolean inTransaction) {
    }

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

    @Inject
    TransactionManager transactions;

    void on(@Observes MemberNotice notice) throws SystemException {
        recorded.add(new Recorded(notice, transactions.getStatus() == Status.STATUS_ACTIVE));
    }

    public List<Recorded> all() {
        return List.copyOf(recorded);
    }

    /** The notices for one membership, in the order fired. */
    public List<MemberNotice> of(long membershipId) {
        return recorded.stream().map(Recorded::notice).filter(n -> n.membershipId() == membershipId).toList();
    }

    public void clear() {
        recorded.clear();
    }
}
