package org.gonghui.hardship;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the hardship-file mutations. */
final class HardshipInputs {

    private HardshipInputs() {
    }

    /** A new file. */
    @Input("OpenHardshipFileInput")
    @Description("困难职工建档申请 (open a hardship file for a member of your union or of a union directly below yours)")
    public static class Open extends Apply {

        @Id
        @NonNull
        @Description("The member (membership id).")
        public Long memberId;
    }

    /** A step forward. */
    @Input("AdvanceHardshipFileInput")
    @Description("推进建档流程 (move a file one step forward, or close it)")
    public static class Advance {
        @Id
        @NonNull
        @Description("The file.")
        public Long id;

        @NonNull
        @Description("The version you read.")
        public Integer version;

        @NonNull
        @Description("The next status in APPLIED → REVIEWED → PUBLIC_NOTICE → CONFIRMED → CLOSED, or CLOSED from any step.")
        public HardshipEnums.Status to;

        @Description("Note (required to close).")
        public String note;
    }

    /** A member's own application for hardship aid. */
    @Input("ApplyForHardshipAidInput")
    @Description("申请困难帮扶 (a member applies for hardship aid at their own union: a hardship file in status APPLIED). "
            + "The household facts are stored encrypted; officials review them.")
    public static class Apply {
        @NonNull
        @Description("Level (on a member's own application: the level asked for, which officials review).")
        public HardshipEnums.Level level;

        @NonNull
        @Description("Causes (at least one).")
        public List<HardshipEnums.@NonNull Reason> reasons;

        @NonNull
        @Description("People in the household (1-20).")
        public Integer householdSize;

        @NonNull
        @Description("Monthly household income in yuan (exact decimal string).")
        public String monthlyIncomeYuan;

        @Description("Dependents (default 0).")
        public Integer dependents;

        @Description("Description of the situation (up to 2,000 characters).")
        public String description;
    }
}
