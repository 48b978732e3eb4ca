package org.gonghui.rights;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

/**
 * Closes RESOLVED cases 7 calendar days after their resolution when the worker has not confirmed them
 * (a CLOSED step by "system", and a notice to the worker). Replicas share the work: rows another replica
 * or a request holds are skipped and taken next time.
 */
@ApplicationScoped
public class RightsCaseAutoClose {

    /** Calendar days from resolution to the automatic closing. */
    public static final int DAYS = 7;

    /** Cases per transaction. */
    static final int BATCH = 500;

    @Inject
    RightsCaseService cases;

    @Scheduled(every = "${gonghui.rights.auto-close-every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (closeDue() == BATCH) {
            // another full batch may be waiting
        }
    }

    /** Closes one batch of cases resolved at least 7 days ago; returns how many. */
    public int closeDue() {
        return cases.closeResolvedBefore(OffsetDateTime.now().minusDays(DAYS), BATCH);
    }
}
