package org.gonghui.rights;

import org.eclipse.microprofile.graphql.Description;

/** Where a rights case stands. */
@Description("维权个案状态 (where a rights case stands)")
public enum RightsCaseStatus {
    @Description("已提交, 待受理 (submitted, awaiting acceptance)")
    SUBMITTED,
    @Description("已受理 (accepted and assigned to an official)")
    ACCEPTED,
    @Description("不予受理 (declined, with a reason)")
    DECLINED,
    @Description("办理中 (in progress)")
    IN_PROGRESS,
    @Description("已办结, 待职工确认 (resolved with an outcome, awaiting the worker's confirmation)")
    RESOLVED,
    @Description("已结案 (closed: confirmed by the worker, or 7 calendar days after resolution)")
    CLOSED;

    /** Whether the case still waits for the union (acceptance or resolution). */
    public boolean isOpen() {
        return this == SUBMITTED || this == ACCEPTED || this == IN_PROGRESS;
    }
}
