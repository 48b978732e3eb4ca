package org.gonghui.roster;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Roster imports: upload size, how many failures are kept, and how workers share the jobs. */
@ConfigMapping(prefix = "gonghui.roster")
public interface RosterConfig {

    /** Largest accepted upload in bytes; larger ones are 413 LIMIT_EXCEEDED. */
    @WithDefault("52428800")
    long maxBytes();

    /** Failures stored per job; beyond them only the counts grow (failuresTruncated). */
    @WithDefault("10000")
    int maxFailures();

    /** A job whose worker sent no heartbeat for this long is taken over by another worker. */
    @WithDefault("2m")
    Duration staleAfter();

    /** How often each replica looks for QUEUED and stale jobs (read by the poller's @Scheduled). */
    @WithDefault("10s")
    String pollEvery();

    /** Jobs processed at the same time by one replica. */
    @WithDefault("2")
    int workers();

    /** Times a job is taken up before it is given up (a file that keeps killing its worker). */
    @WithDefault("3")
    int maxAttempts();
}
