package org.gonghui.hardship;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A hardship file as revealed to an entitled official, after the read was audited. */
@Name("HardshipFile")
@Description("困难职工档案 (a hardship file). Only officials of the member's own union and of the union directly above it see it, "
        + "only through `hardshipFile`, and every read is audited; it never appears in a list.")
public class HardshipFileView {

    @Id
    @NonNull
    @Description("Id of the file.")
    public Long id;

    @Id
    @NonNull
    @Description("The member.")
    public Long memberId;

    @NonNull
    @Description("Level.")
    public HardshipEnums.Level level;

    @NonNull
    @Description("Causes.")
    public List<HardshipEnums.@NonNull Reason> reasons;

    @NonNull
    @Description("Household facts.")
    public Household household;

    @NonNull
    @Description("Where the review stands.")
    public HardshipEnums.Status status;

    @NonNull
    @Description("Every step, oldest first, with who and when (at most five: the workflow only goes forward).")
    public List<@NonNull HardshipStep> steps;

    @NonNull
    @Description("Version for optimistic locking: pass it to advanceHardshipFile.")
    public int version;

    @NonNull
    @Description("When the file was opened.")
    public OffsetDateTime createdAt;

    /** Household facts, stored encrypted. */
    @Description("家庭情况 (household facts; stored encrypted)")
    public static class Household {
        @NonNull
        @Description("Number of people in the household.")
        public int size;

        @NonNull
        @Description("Monthly household income, yuan (exact).")
        public String monthlyIncomeYuan;

        @NonNull
        @Description("Dependents (children, elderly or ill relatives).")
        public int dependents;

        @Description("Description of the situation.")
        public String description;
    }
}
