package org.gonghui.rights;

import org.eclipse.microprofile.graphql.Description;

/** One step in a rights case's history. */
@Description("办理步骤 (one step in a rights case's history)")
public enum RightsCaseStepKind {
    @Description("提交 (submitted)") SUBMITTED,
    @Description("受理 (accepted)") ACCEPTED,
    @Description("不予受理 (declined)") DECLINED,
    @Description("开始办理 (work started)") STARTED,
    @Description("内部备注 (internal note; never shown to the worker)") NOTE,
    @Description("联系记录 (contact with the worker or the employer; never shown to the worker)") CONTACT,
    @Description("办理措施 (an action taken)") ACTION,
    @Description("上报转办 (referred up the chain)") REFERRED,
    @Description("办结 (resolved)") RESOLVED,
    @Description("职工确认并评价 (confirmed and rated by the worker)") CONFIRMED,
    @Description("结案 (closed)") CLOSED,
    @Description("上传材料 (attachment added)") ATTACHMENT_ADDED,
    @Description("期限重算 (deadlines recomputed after a calendar change)") DEADLINE_RECOMPUTED;

    /** Internal steps are shown to officials only. */
    public boolean internal() {
        return this == NOTE || this == CONTACT;
    }
}
