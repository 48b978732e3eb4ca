package org.gonghui.rights;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Attachments of rights cases: size, how many per case, and a worker's allowance of uploads. */
@ConfigMapping(prefix = "gonghui.rights-attachments")
public interface RightsCaseAttachmentConfig {

    /** Largest accepted upload in bytes; larger ones are 413 LIMIT_EXCEEDED (announced: before the body is read). */
    @WithDefault("10485760")
    int maxBytes();

    /** Attachments one case may hold; one more is 413 LIMIT_EXCEEDED. */
    @WithDefault("10")
    int maxPerCase();

    /**
     * Uploads one worker's login may make in any rolling 24 hours, over all their cases (half of them at
     * once, the rest refilled over the day); one more is 429 RATE_LIMITED. Officials' uploads count
     * against their mutation limit instead.
     */
    @WithDefault("20")
    int perWorkerPerDay();
}
