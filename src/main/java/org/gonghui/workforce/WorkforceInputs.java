package org.gonghui.workforce;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.member.KeyGroup;

/** Inputs of the workforce and target operations. */
final class WorkforceInputs {

    private WorkforceInputs() {
    }

    @Input("RecordWorkforceCountInput")
    @Description("登记从业人员数 (record the registered workers of a key group in a union's area)")
    public static class Count {
        @Id
        @NonNull
        @Description("The union whose area was counted; in your subtree.")
        public Long unionId;

        @NonNull
        @Description("The key group.")
        public KeyGroup keyGroup;

        @NonNull
        @Description("Registered workers, 0 to 100,000,000.")
        public Integer registeredWorkers;

        @NonNull
        @Description("The day the figure stands for; not in the future.")
        public LocalDate countedOn;

        @Description("Where the figure comes from, at most 200 characters.")
        public String source;
    }

    @Input("SetEnrolmentTargetInput")
    @Description("设定入会目标 (set an enrolment target for a union's area)")
    public static class Target {
        @Id
        @NonNull
        @Description("The union whose subtree the target is for; in your subtree.")
        public Long unionId;

        @NonNull
        @Description("What it measures.")
        public TargetKind kind;

        @NonNull
        @Description("Title, 1 to 200 characters.")
        public String title;

        @Description("KEY_GROUP_ENROLMENT: the key groups counted together (at least one).")
        public List<KeyGroup> keyGroups;

        @Description("KEY_GROUP_ENROLMENT: the share to reach, above 0 and at most 1 (0.5 is 50%), at most four decimals.")
        public Double targetRate;

        @Description("NEW_MEMBERS / NEW_FORM_MEMBERS: the number to reach, at least 1.")
        public Integer targetCount;

        @Description("NEW_MEMBERS / NEW_FORM_MEMBERS: first month counted, YYYY-MM, not after the month of dueOn.")
        public String periodFrom;

        @NonNull
        @Description("The last day of the target.")
        public LocalDate dueOn;
    }
}
