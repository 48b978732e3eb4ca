package org.gonghui.rights;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The figures of a set of rights cases (a subtree's, or one category's or channel's of it); counts
 * are taken from the rows when asked, rates and means computed from them, never stored. The
 * definitions live in {@link RightsCaseStatisticsService} and the README (Statistics).
 */
public abstract class RightsCaseStatisticsFigures {

    @NonNull
    @Description("收案 (cases received in the period: submitted or recorded between the first day of `periodFrom` and the last of `periodTo`, Asia/Shanghai).")
    public int received;

    @NonNull
    @Description("受理 (cases accepted in the period, whenever received).")
    public int accepted;

    @NonNull
    @Description("不予受理 (cases declined in the period, whenever received).")
    public int declined;

    @NonNull
    @Description("办结 (cases resolved in the period, whenever received).")
    public int resolved;

    @NonNull
    @Description("按期办结 (cases resolved in the period on or before their resolution deadline, by the Asia/Shanghai day of resolution).")
    public int resolvedOnTime;

    @NonNull
    @Description("Cases received in the period and resolved by its end: the numerator of `closureRate`.")
    public int receivedAndResolved;

    @NonNull
    @Description("在办 (cases open now: submitted, accepted or in progress, whatever the period).")
    public int openNow;

    @NonNull
    @Description("超期 (cases overdue now, whatever the period: awaiting acceptance after their acceptance deadline, or accepted and unresolved "
            + "after their resolution deadline; a deadline day itself is not overdue).")
    public int overdueNow;

    @Description("办结率 (closure rate: `receivedAndResolved` / `received`, 0 to 1; null when nothing was received).")
    public Double closureRate;

    @Description("按期办结率 (on-time rate: `resolvedOnTime` / `resolved`, 0 to 1; null when nothing was resolved).")
    public Double onTimeRate;

    @Description("平均办理工作日 (mean working days from acceptance to resolution of the cases resolved in the period; null when none).")
    public Double meanWorkingDaysToResolve;

    @NonNull
    @Description("追回欠薪 (wages recovered by the cases resolved in the period, yuan, exact decimal string such as \"12800.50\").")
    public String wagesRecoveredYuan;

    @NonNull
    @Description("Ratings given in the period (cases confirmed and rated by the worker in the period).")
    public int ratings;

    @Description("平均满意度 (mean of the ratings given in the period, 1 to 5; null when none).")
    public Double meanSatisfaction;
}
