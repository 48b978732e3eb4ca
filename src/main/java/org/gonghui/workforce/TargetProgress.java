package org.gonghui.workforce;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.member.KeyGroup;

/** A target measured against the figures. */
@Description("目标进度 (a target measured against the figures of its union's subtree). Rates and progress are computed from counts when asked.")
public class TargetProgress {

    @NonNull
    @Description("The day the figures stand for: today, or the due date once it has passed (then the figures as at the end of that day).")
    public LocalDate evaluatedAsOf;

    @NonNull
    @Description("Whether the due date has passed: the figures are final.")
    public boolean closed;

    @NonNull
    @Description("KEY_GROUP_ENROLMENT: members in the target's key groups (a member in two of them counts twice, as the registered workers do). "
            + "NEW_MEMBERS / NEW_FORM_MEMBERS: new members of the target's months so far.")
    public int achieved;

    @Description("KEY_GROUP_ENROLMENT: registered workers of the key groups, the latest count of each counted on or before `evaluatedAsOf` "
            + "at the target's union; null when a group has no count (see missingCounts).")
    public Integer registeredWorkers;

    @NonNull
    @Description("KEY_GROUP_ENROLMENT: key groups with no registered count yet: record them with recordWorkforceCount.")
    public List<@NonNull KeyGroup> missingCounts;

    @Description("KEY_GROUP_ENROLMENT: achieved / registeredWorkers, between 0 and 1 (it can pass 1 when more members than registered workers); null without counts.")
    public Double enrolmentRate;

    @Description("How far the target is reached: 1 means reached (rate / target rate, or achieved / target count); null when unknown.")
    public Double progress;

    @Description("Whether the target is reached; null when unknown.")
    public Boolean met;
}
