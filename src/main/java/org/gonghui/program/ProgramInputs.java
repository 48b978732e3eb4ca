package org.gonghui.program;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.member.KeyGroup;

/** Inputs of the program operations. */
final class ProgramInputs {

    private ProgramInputs() {
    }

    /** A new program. */
    @Input("CreateServiceProgramInput")
    @Description("新建服务项目 (a new program organised by a union of your subtree)")
    public static class Create {
        @Id
        @NonNull
        @Description("The organising union.")
        public Long unionId;

        @NonNull
        @Description("Kind.")
        public ProgramKind kind;

        @NonNull
        @Description("Name.")
        public String name;

        @Description("Description.")
        public String description;

        @NonNull
        @Description("First day.")
        public LocalDate periodStart;

        @NonNull
        @Description("Last day.")
        public LocalDate periodEnd;

        @NonNull
        @Description("Budget in yuan as an exact decimal string, e.g. \"287400.00\".")
        public String budgetYuan;

        @Description("Target key groups; empty or omitted: every member.")
        public List<@NonNull KeyGroup> targetKeyGroups;

        @Description("PLANNED (default) or OPEN.")
        public ProgramStatus status;
    }

    /** Changes to a program. */
    @Input("UpdateServiceProgramInput")
    @Description("修改服务项目 (change a program; omitted fields stay)")
    public static class Update {
        @Id
        @NonNull
        @Description("The program.")
        public Long id;

        @NonNull
        @Description("The version you read.")
        public Integer version;

        @Description("Name.")
        public String name;

        @Description("Description.")
        public String description;

        @Description("First day.")
        public LocalDate periodStart;

        @Description("Last day.")
        public LocalDate periodEnd;

        @Description("Budget in yuan; not below what is already spent.")
        public String budgetYuan;

        @Description("Target key groups (replaces the list).")
        public List<@NonNull KeyGroup> targetKeyGroups;

        @Description("PLANNED → OPEN → CLOSED.")
        public ProgramStatus status;
    }

    /** A benefit to record. */
    @Input("GrantBenefitInput")
    @Description("登记受益 (record a benefit: to a member of the organiser's subtree or to an organisation; an amount and/or an item)")
    public static class Grant {
        @Id
        @NonNull
        @Description("The program (OPEN).")
        public Long programId;

        @Id
        @Description("The member (membership id), or give organisationName.")
        public Long memberId;

        @Description("The organisation, instead of a member.")
        public String organisationName;

        @Description("The organisation's unified social credit code.")
        public String organisationCreditCode;

        @Description("Amount in yuan (exact decimal string).")
        public String amountYuan;

        @Description("Item given, e.g. 防暑降温用品.")
        public String inKindItem;

        @Description("Number of items.")
        public Integer inKindQuantity;

        @Description("Date granted (default today, Asia/Shanghai).")
        public LocalDate grantedOn;

        @Description("Note.")
        public String note;
    }

    /** A member's application. */
    @Input("ApplyForProgramInput")
    @Description("申请服务项目 (a member applies to a program open to them)")
    public static class Apply {
        @Id
        @NonNull
        @Description("The program.")
        public Long programId;

        @Description("Why, in a sentence.")
        public String note;
    }

    /** The organiser's decision. */
    @Input("DecideProgramApplicationInput")
    @Description("审批服务项目申请 (approve with the benefit granted, or reject with a reason)")
    public static class Decide {
        @Id
        @NonNull
        @Description("The application.")
        public Long id;

        @NonNull
        @Description("The version you read.")
        public Integer version;

        @NonNull
        @Description("true: approve and record the benefit; false: reject.")
        public Boolean approve;

        @Description("Reason (required to reject).")
        public String reason;

        @Description("Amount in yuan granted on approval.")
        public String amountYuan;

        @Description("Item granted on approval.")
        public String inKindItem;

        @Description("Number of items.")
        public Integer inKindQuantity;
    }

    /** Conditions on programs. */
    @Input("ServiceProgramFilter")
    @Description("服务项目查询条件 (conditions on the programs of your subtree)")
    public static class Filter {
        @Id
        @Description("Programs organised by this union and the unions below it; default your union.")
        public Long unionId;

        @Description("Only these kinds.")
        public List<@NonNull ProgramKind> kinds;

        @Description("Only this status.")
        public ProgramStatus status;

        @Description("Only programs whose period overlaps this calendar year.")
        public Integer year;
    }
}
