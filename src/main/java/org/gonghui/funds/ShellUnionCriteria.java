package org.gonghui.funds;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The windows a shell-union list was judged by, so a console can say "no funds 2026-01 to 2026-03". */
@Description("空壳工会判定条件 (the windows a list was judged by)")
public class ShellUnionCriteria {

    @NonNull
    @Description("Complete calendar months checked for NO_FUNDS_REMITTED.")
    public int fundsMonths;

    @NonNull
    @Description("First month checked for funds, \"YYYY-MM\".")
    public String fundsFromMonth;

    @NonNull
    @Description("Last month checked for funds, \"YYYY-MM\" (the month before the current one, Asia/Shanghai).")
    public String fundsToMonth;

    @NonNull
    @Description("Months checked for NO_ACTIVITY.")
    public int inactiveMonths;

    @NonNull
    @Description("Start of the NO_ACTIVITY window: activity since then counts.")
    public OffsetDateTime inactiveSince;

    public ShellUnionCriteria() {
    }

    ShellUnionCriteria(int fundsMonths, String fundsFromMonth, String fundsToMonth, int inactiveMonths, OffsetDateTime inactiveSince) {
        this.fundsMonths = fundsMonths;
        this.fundsFromMonth = fundsFromMonth;
        this.fundsToMonth = fundsToMonth;
        this.inactiveMonths = inactiveMonths;
        this.inactiveSince = inactiveSince;
    }
}
