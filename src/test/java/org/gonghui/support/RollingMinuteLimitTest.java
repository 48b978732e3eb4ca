package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/** The bucket shape behind every rate limit never grants more than its limit in any rolling minute. */
class RollingMinuteLimitTest {

    /** A clock the test moves by hand. */
    static final class ManualClock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    /** A greedy client: every {@code stepMillis} for {@code minutes} it sends until refused; the times of granted requests. */
    static List<Long> grantedTimes(int limit, int burst, long stepMillis, int minutes) {
        ManualClock clock = new ManualClock();
        Bucket bucket = Bucket.builder().withCustomTimePrecision(clock)
                .addLimit(RateLimitBuckets.perRollingMinute("test", limit, burst).getBandwidths()[0])
                .build();
        List<Long> granted = new ArrayList<>();
        for (long t = 0; t <= Duration.ofMinutes(minutes).toMillis(); t += stepMillis) {
            clock.nanos = Duration.ofMillis(t).toNanos();
            while (bucket.tryConsume(1)) {
                granted.add(t);
            }
        }
        return granted;
    }

    /** The most grants inside any window of 60 seconds (start inclusive, end exclusive). */
    static int busiestMinute(List<Long> granted) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < granted.size(); end++) {
            while (granted.get(end) - granted.get(start) >= 60_000) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    @ParameterizedTest(name = "{0} a minute, burst {1}, a try every {2} ms")
    @CsvSource({ "60, 20, 10", "60, 20, 997", "60, 59, 50", "4, 3, 100", "1200, 600, 7" })
    void noRollingMinuteGrantsMoreThanTheLimit(int limit, int burst, long stepMillis) {
        List<Long> granted = grantedTimes(limit, burst, stepMillis, 5);
        assertTrue(busiestMinute(granted) <= limit, "busiest minute granted " + busiestMinute(granted) + " of " + limit);
        // and the allowance is really there: the burst at once, then limit - burst a minute
        assertEquals(burst, granted.stream().filter(t -> t == 0).count());
        assertTrue(busiestMinute(granted) >= limit - 1, "busiest minute granted only " + busiestMinute(granted) + " of " + limit);
    }

    @Test
    void aBurstThatLeavesNoRefillIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> RateLimitBuckets.perRollingMinute("mutation", 60, 60));
        assertThrows(IllegalArgumentException.class, () -> RateLimitBuckets.perRollingMinute("mutation", 60, 0));
    }
}
