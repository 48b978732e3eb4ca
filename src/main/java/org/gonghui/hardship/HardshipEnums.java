package org.gonghui.hardship;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** The enumerations of hardship files. */
final class HardshipEnums {

    private HardshipEnums() {
    }

    /** How hard the household's situation is. */
    @Name("HardshipLevel")
    @Description("困难程度 (hardship level)")
    public enum Level {
        @Description("特困 (extreme)")
        EXTREME,
        @Description("重困 (severe)")
        SEVERE,
        @Description("一般困难 (general)")
        GENERAL
    }

    /** Why. */
    @Name("HardshipReason")
    @Description("致困原因 (cause of hardship)")
    public enum Reason {
        @Description("因病 (illness)")
        ILLNESS,
        @Description("因残 (disability)")
        DISABILITY,
        @Description("因学 (education costs)")
        EDUCATION_COSTS,
        @Description("失业或收入低 (unemployment or low income)")
        LOW_INCOME,
        @Description("单亲 (single parent)")
        SINGLE_PARENT,
        @Description("因灾 (disaster)")
        DISASTER,
        @Description("意外 (accident)")
        ACCIDENT,
        @Description("其他 (other)")
        OTHER
    }

    /** The review workflow: applied → reviewed → public notice → confirmed → closed. */
    @Name("HardshipStatus")
    @Description("建档流程 (review workflow: APPLIED → REVIEWED → PUBLIC_NOTICE → CONFIRMED → CLOSED; any step may go to CLOSED)")
    public enum Status {
        @Description("已申请 (applied)")
        APPLIED,
        @Description("已审核 (reviewed)")
        REVIEWED,
        @Description("公示中 (on public notice)")
        PUBLIC_NOTICE,
        @Description("已建档 (confirmed)")
        CONFIRMED,
        @Description("已关闭 (closed: no longer in hardship, or rejected)")
        CLOSED
    }
}
