package org.gonghui.roster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.gonghui.support.PersonalData;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs roster imports in the background. Jobs live in PostgreSQL: a worker claims the oldest QUEUED
 * job, or one whose heartbeat went stale because its replica died, with {@code for update skip
 * locked}, so replicas share the work and a crash loses nothing. An upload starts a worker right
 * after its commit; a poller catches whatever that missed (another replica's upload, a stale job).
 * Its own small pool, not a context-propagating executor: a job must not inherit the uploader's
 * request, and {@code gonghui.roster.workers} bounds the CPU that imports take from the API.
 */
@ApplicationScoped
public class RosterImportWorker {

    private static final Logger LOG = Logger.getLogger(RosterImportWorker.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalData personalData;

    @Inject
    RosterConfig config;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void init() {
        AtomicInteger threads = new AtomicInteger();
        // At most `workers` drains run and as many wait; a further start is dropped: a waiting drain will see its job.
        executor = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.workers()),
                task -> {
                    Thread thread = new Thread(task, "roster-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    void stop(@Observes ShutdownEvent event) {
        // Interrupted jobs hand their claim back (state QUEUED), so another replica continues at once.
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes sure a worker looks for jobs soon; returns at once. */
    public void start() {
        if (!executor.isShutdown()) {
            executor.execute(this::drain);
        }
    }

    @Scheduled(every = "${gonghui.roster.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        start();
    }

    /** Processes claimable jobs until there are none. */
    void drain() {
        while (!Thread.currentThread().isInterrupted()) {
            Optional<RosterImportJob> job;
            try {
                job = claim();
            } catch (SQLException e) {
                LOG.warnf("Cannot look for roster imports: %s", e.getMessage());
                return;
            }
            if (job.isEmpty()) {
                return;
            }
            job.get().run();
        }
    }

    /** Claims the oldest QUEUED job or a stale one, in one short transaction; its earlier failures are dropped. */
    Optional<RosterImportJob> claim() throws SQLException {
        UUID token = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement claim = c.prepareStatement("""
                    update roster_import r
                       set state = 'VALIDATING', worker_token = ?, attempts = r.attempts + 1, started_at = coalesce(r.started_at, now()),
                           heartbeat_at = now(), total_rows = null, processed_rows = 0, valid_rows = 0, failed_rows = 0, written_rows = 0,
                           failures_truncated = false, message = null
                     where r.id = (select id from roster_import
                                    where state = 'QUEUED'
                                       or (state in ('VALIDATING', 'WRITING') and heartbeat_at < now() - make_interval(secs => ?))
                                    order by id limit 1 for update skip locked)
                    returning r.id, r.union_id, r.requested_by, r.requester_union_id, r.dry_run, r.partial, r.requested_encoding, r.attempts,
                              r.content, r.content_key""")) {
                claim.setObject(1, token);
                claim.setDouble(2, config.staleAfter().toMillis() / 1000.0);
                try (ResultSet rs = claim.executeQuery()) {
                    if (!rs.next()) {
                        c.commit();
                        return Optional.empty();
                    }
                    RosterImportJob job = new RosterImportJob(dataSource, personalData, config, rs.getLong("id"), token,
                            rs.getLong("union_id"), rs.getString("requested_by"), (Long) rs.getObject("requester_union_id"),
                            rs.getBoolean("dry_run"), rs.getBoolean("partial"), rs.getString("requested_encoding"), rs.getInt("attempts"),
                            rs.getBytes("content"), rs.getString("content_key"));
                    try (PreparedStatement clear = c.prepareStatement("delete from roster_import_failure where import_id = ?")) {
                        clear.setLong(1, job.id);
                        clear.executeUpdate();
                    }
                    c.commit();
                    LOG.infof("Roster import %d claimed (attempt %d)", job.id, job.attempts);
                    return Optional.of(job);
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
