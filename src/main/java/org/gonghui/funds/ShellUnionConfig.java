package org.gonghui.funds;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Default windows of the shell-union check; a query may give its own (1 to 120 months). */
@ConfigMapping(prefix = "gonghui.shell")
public interface ShellUnionConfig {

    /** Complete calendar months without funds remitted that make NO_FUNDS_REMITTED. */
    @WithDefault("3")
    int fundsMonths();

    /** Months without any activity that make NO_ACTIVITY. */
    @WithDefault("6")
    int inactiveMonths();
}
