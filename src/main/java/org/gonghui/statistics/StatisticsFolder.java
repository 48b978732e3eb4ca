package org.gonghui.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Folds the statistics ledger into the per-union rollup (and the rights-case rollup's pending rows into
 * theirs) every second, in batches, each in its
 * own transaction under the hierarchy lock (see {@code gonghui_stat_fold}). Figures are exact
 * whether or not this has run: readers add what is still pending. Folding only keeps the pending
 * part small, so every replica may run it; the lock serialises them.
 */
@ApplicationScoped
public class StatisticsFolder {

    private static final Logger LOG = Logger.getLogger(StatisticsFolder.class);

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "gonghui.statistics.fold-batch", defaultValue = "20000")
    int batch;

    @Scheduled(every = "${gonghui.statistics.fold-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void foldPending() {
        try {
            foldAll();
        } catch (RuntimeException e) {
            LOG.warnf("statistics fold failed, retried at the next run: %s", e.getMessage());
        }
    }

    /** The fold functions: the statistics ledger (V10) and the rights-case rollup's pending rows (V23). */
    private static final List<String> FOLDS = List.of("select gonghui_stat_fold(?)", "select gonghui_rights_case_fold(?)");

    /** Folds until nothing is pending; returns the number of ledger rows folded. */
    public long foldAll() {
        long total = 0;
        for (String fold : FOLDS) {
            int folded;
            do {
                folded = foldBatch(fold);
                total += folded;
            } while (folded == batch);
        }
        if (total > 0) {
            metrics.counter("gonghui.statistics.folded").increment(total);
        }
        return total;
    }

    /** One batch in its own transaction (plain JDBC: the job is not part of any request's unit of work). */
    private int foldBatch(String fold) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(fold)) {
            c.setAutoCommit(true);
            s.setInt(1, batch);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statistics fold failed: " + e.getMessage(), e);
        }
    }
}
