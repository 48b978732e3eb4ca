package org.gonghui.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes shared by every connection. */
@ConfigMapping(prefix = "gonghui.paging")
public interface Paging {

    /** Rows returned when the client does not say {@code first}. */
    @WithDefault("20")
    int defaultPageSize();

    /** The most rows one page may ask for; more is LIMIT_EXCEEDED. */
    @WithDefault("100")
    int maxPageSize();
}
