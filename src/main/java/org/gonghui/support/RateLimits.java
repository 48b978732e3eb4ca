package org.gonghui.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-caller limits: a bucket of this many requests per minute for each token subject (or client address). */
@ConfigMapping(prefix = "gonghui.rate-limit")
public interface RateLimits {

    /** Mutations per caller and minute. */
    @WithDefault("60")
    int mutationsPerMinute();

    /** Public queries (nearestSites) per client address and minute, on each replica. */
    @WithDefault("120")
    int publicQueriesPerMinute();
}
