package org.gonghui.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Rate limits, each over any rolling minute and shared by all replicas: a burst at once, then the rest
 * of the minute's allowance refilled smoothly (see {@link RateLimitBuckets#perRollingMinute}).
 */
@ConfigMapping(prefix = "gonghui.rate-limit")
public interface RateLimits {

    /** Mutations per caller (token subject, or address when anonymous) in any rolling minute. */
    @WithDefault("60")
    int mutationsPerMinute();

    /** Of those, how many may come at once; the rest refills over the minute. */
    @WithDefault("20")
    int mutationBurst();

    /** The public nearestSites query, asked without login. */
    PublicQueries publicQueries();

    /** Requests that look up a person by ID number (membership claims, claim help), over any rolling hour. */
    PersonLookups personLookups();

    interface PersonLookups {

        /** Per login, matched or not. */
        @WithDefault("5")
        int perLoginPerHour();

        /** Per ID number asked for (its keyed hash), whoever asks. */
        @WithDefault("5")
        int perIdNumberPerHour();

        /** Per client address (many phones may share a carrier's NAT address). */
        @WithDefault("60")
        int perAddressPerHour();
    }

    interface PublicQueries {

        /** All anonymous callers together, in any rolling minute. */
        @WithDefault("30000")
        int perMinute();

        @WithDefault("10000")
        int burst();

        /** One client address (many phones may share a carrier's NAT address), in any rolling minute. */
        @WithDefault("1200")
        int perAddressPerMinute();

        @WithDefault("600")
        int perAddressBurst();

        /** One app instance (X-App-Instance header) of an address: a share of that address's budget, never more. */
        @WithDefault("60")
        int perAppInstancePerMinute();

        @WithDefault("30")
        int perAppInstanceBurst();
    }
}
