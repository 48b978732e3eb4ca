package org.gonghui.rights;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.rights.RightsCaseAccess.Reach;

/**
 * A rights case as the caller's reach shows it, built from a stored row when it is read: fields beyond
 * the reach are null (SUMMARY: no text, no employer, a masked name; WORKER: no internal detail).
 */
@Name("RightsCase")
@Description("维权个案 (a rights case). What you see depends on your reach (RightsCaseAccess): officials of the handling union and of the "
        + "union directly above it see everything, texts masked (full texts through revealRightsCase, audited); other officials whose "
        + "subtree holds the handling union, and unions that referred the case, see category, channel, status, dates, unions and outcome "
        + "(the other fields read null); the worker sees their own case without internal details.")
public class RightsCase {

    @Id
    @NonNull
    @Description("Id of the case.")
    public Long id;

    @NonNull
    @Description("类别 (category).")
    public RightsCaseCategory category;

    @NonNull
    @Description("受理渠道 (channel).")
    public RightsCaseChannel channel;

    @NonNull
    @Description("状态 (status): SUBMITTED → ACCEPTED or DECLINED → IN_PROGRESS → RESOLVED → CLOSED.")
    public RightsCaseStatus status;

    @NonNull
    @Description("提交时间 (when the case was submitted or recorded).")
    public OffsetDateTime submittedAt;

    @NonNull
    @Description("受理期限 (last day to accept or decline: 3 working days after submission or referral, Asia/Shanghai).")
    public LocalDate acceptDue;

    @Description("办结期限 (last day to resolve: set on acceptance, per category; null before).")
    public LocalDate resolveDue;

    @NonNull
    @Description("期限按周一至周五估算 (true when a deadline ran through a year without a published holiday schedule: Monday to Friday assumed).")
    public boolean deadlineFallback;

    @NonNull
    @Description("已逾期 (SUBMITTED past acceptDue, or ACCEPTED/IN_PROGRESS past resolveDue; today in Asia/Shanghai).")
    public boolean overdue;

    @NonNull
    @Description("已上提 (escalated: overdue, so it also shows in the queue of the union directly above the handling union until resolved).")
    public boolean escalated;

    @Id
    @Description("上提至 (the union an escalated case shows to: the one directly above the handling union; null when not escalated).")
    public Long escalatedToUnionId;

    @Description("受理时间 (when it was accepted).")
    public OffsetDateTime acceptedAt;

    @Description("不予受理时间 (when it was declined).")
    public OffsetDateTime declinedAt;

    @Description("办结时间 (when it was resolved).")
    public OffsetDateTime resolvedAt;

    @Description("结案时间 (when it was closed).")
    public OffsetDateTime closedAt;

    @Description("办理用时 (working days from acceptance to resolution).")
    public Integer resolveWorkingDays;

    @Description("办理结果 (outcome).")
    public RightsCaseOutcome outcome;

    @Description("追回工资 (wages recovered, yuan, exact decimal string).")
    public String wagesRecoveredYuan;

    @Description("满意度评价 (the worker's rating, 1 to 5).")
    public Integer rating;

    @Id
    @NonNull
    @Description("受理工会编号 (id of the union handling the case now).")
    public Long handlingUnionId;

    @NonNull
    @Description("受理工会名称 (name of the union handling the case now; public, like the union directory).")
    public String handlingUnionName;

    @Id
    @NonNull
    @Description("首次受理工会编号 (id of the union the case was first lodged with).")
    public Long receivedUnionId;

    @NonNull
    @Description("转办来源 (ids of the unions that referred the case up, in order, as the union's id field gives them).")
    public List<@NonNull String> referredFromUnionIds;

    @Description("职工姓名 (masked, e.g. 王*; null when not given).")
    public String workerNameMasked;

    @Id
    @Description("会员编号 (membership id when the worker is a member; handling officials only).")
    public Long memberId;

    @Description("用人单位 (the employer the case is about; not shown to officials further up).")
    public String employerName;

    @Description("用人单位统一社会信用代码 (the employer's credit code).")
    public String employerCreditCode;

    @Description("工作地行政区划代码 (region code of where the worker works).")
    public String regionCode;

    @Description("诉求描述 (the worker's own description, in full: only for the worker).")
    public String description;

    @Description("诉求摘要 (the description's length only, e.g. （共123字）, never any of its words: handling officials; the text through "
            + "revealRightsCase. Cases from before this rule may read a lower bound, e.g. （至少20字）.)")
    public String descriptionMasked;

    @Description("联系电话 (masked, e.g. 138****1234).")
    public String contactPhoneMasked;

    @Description("方便联系的时间 (when to call).")
    public String preferredContactTime;

    @Description("诉求金额 (amount claimed, yuan, exact decimal string).")
    public String amountClaimedYuan;

    @Description("承办人 (login subject of the official who accepted the case: accepting assigns the case to yourself; null again after a "
            + "referral; handling officials only).")
    public String assignedTo;

    @Description("不予受理理由 (why the case was declined).")
    public String declineReason;

    @Description("结果说明 (the outcome in words).")
    public String outcomeText;

    @Description("评价意见 (the worker's comment with the rating).")
    public String ratingComment;

    @NonNull
    @Description("Version for optimistic locking: pass it to the next step.")
    public int version;

    /** The caller's reach, for the nested fields of the same request (steps, unions, attachments). */
    @Ignore
    public Reach reach;

    /** The handling union's parent (FULL reach and escalation). */
    @Ignore
    Long handlingParentId;

    /** The sort value of the queue by deadline (its cursors carry it). */
    @Ignore
    LocalDate dueSort;
}
