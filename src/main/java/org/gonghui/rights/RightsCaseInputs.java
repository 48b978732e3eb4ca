package org.gonghui.rights;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Inputs of the rights-case operations. */
final class RightsCaseInputs {

    private RightsCaseInputs() {
    }

    /** What a worker tells about their case in the app. */
    @Input("SubmitRightsCaseInput")
    @Description("提交维权诉求 (a worker's rights case from the app). A member's case goes to their own union, or by default to the union "
            + "directly above it when it is against the employer of their own enterprise union; a worker without a membership gives regionCode.")
    public static class Submit {
        @NonNull
        @Description("类别 (what the case is about).")
        public RightsCaseCategory category;

        @NonNull
        @Description("诉求描述 (what happened and what you ask for; up to 2,000 characters; stored encrypted).")
        public String description;

        @Description("用人单位名称 (the employer the case is about; up to 200 characters; optional for consultation and counselling).")
        public String employerName;

        @Description("用人单位统一社会信用代码 (the employer's unified social credit code, 18 characters, GB 32100).")
        public String employerCreditCode;

        @Description("工作地行政区划代码 (six-digit GB/T 2260 code of where you work, a current one; required without a membership: "
                + "the case goes to that area's community or joint union, else its county federation).")
        public String regionCode;

        @Description("联系电话 (a mobile number to reach you on; required without a membership; stored encrypted, shown masked).")
        public String contactPhone;

        @Description("方便联系的时间 (when to call you, e.g. 工作日晚上; up to 100 characters).")
        public String preferredContactTime;

        @Description("诉求金额 (amount claimed in yuan, an exact decimal string such as 12000.50).")
        public String amountClaimedYuan;

        @Id
        @Description("受理工会 (the union to handle it: your own union or the one directly above it; default: your own, or the one above "
                + "for a case against your union's own employer).")
        public Long handlingUnionId;

        @Description("姓名 (your name, for a worker without a membership; up to 50 characters; stored encrypted).")
        public String workerName;
    }

    /** A case an official takes by hotline, at the desk, at a station or from the web platform. */
    @Input("RecordRightsCaseInput")
    @Description("登记维权个案 (an official records a case taken by the hotline, at the walk-in desk, at a station or from the web platform, "
            + "for a member of the subtree (memberId) or for anyone else (workerName and contactPhone)).")
    public static class Record {
        @NonNull
        @Description("类别 (what the case is about).")
        public RightsCaseCategory category;

        @NonNull
        @Description("受理渠道 (how the case came in: HOTLINE, WALK_IN, STATION or WEB; APP is for cases workers submit themselves).")
        public RightsCaseChannel channel;

        @NonNull
        @Description("诉求描述 (what the worker told; up to 2,000 characters; stored encrypted).")
        public String description;

        @Id
        @Description("会员 (membership id of a member of your subtree); or give workerName and contactPhone.")
        public Long memberId;

        @Description("姓名 (the worker's name when memberId is not given; up to 50 characters; stored encrypted).")
        public String workerName;

        @Description("联系电话 (a mobile number to reach the worker on; required without memberId; stored encrypted, shown masked).")
        public String contactPhone;

        @Description("用人单位名称 (the employer the case is about; up to 200 characters).")
        public String employerName;

        @Description("用人单位统一社会信用代码 (the employer's unified social credit code, 18 characters, GB 32100).")
        public String employerCreditCode;

        @Description("工作地行政区划代码 (six-digit GB/T 2260 code of where the worker works, a current one).")
        public String regionCode;

        @Description("方便联系的时间 (when to call the worker; up to 100 characters).")
        public String preferredContactTime;

        @Description("诉求金额 (amount claimed in yuan, an exact decimal string such as 12000.50).")
        public String amountClaimedYuan;

        @Id
        @Description("受理工会 (a union of your subtree to handle the case; default your own).")
        public Long handlingUnionId;
    }

    /** Which cases the officials' queue shows. */
    @Input("RightsCaseFilter")
    @Description("维权个案筛选 (which cases of the subtree the queue shows; every condition given must hold)")
    public static class Filter {
        @Id
        @Description("The subtree's union (cases handled by it or any union below it); default your own.")
        public Long unionId;

        @Description("Only cases in these statuses.")
        public List<@NonNull RightsCaseStatus> statuses;

        @Description("Only cases of these categories.")
        public List<@NonNull RightsCaseCategory> categories;

        @Description("true: only overdue cases (SUBMITTED past acceptDue, or ACCEPTED/IN_PROGRESS past resolveDue, today in Asia/Shanghai); "
                + "false: only cases that are not.")
        public Boolean overdue;

        @Description("true: only escalated cases, i.e. overdue cases handled by a union directly below the subtree's union (what its "
                + "children let slip); false: only cases that are not escalated to it.")
        public Boolean escalated;

        @Description("true: only cases assigned to you (accepted by you).")
        public Boolean assignedToMe;

        @Description("Submitted on or after this day (Asia/Shanghai).")
        public LocalDate submittedFrom;

        @Description("Submitted on or before this day (Asia/Shanghai).")
        public LocalDate submittedTo;
    }

    /** The queue's order. */
    @Input("RightsCaseOrder")
    @Description("维权个案排序 (the order of the queue)")
    public static class Order {
        @NonNull
        @Description("SUBMITTED_AT (by submission: case ids follow submission) or DUE (the next deadline: acceptDue while SUBMITTED, "
                + "resolveDue while ACCEPTED or IN_PROGRESS; cases without one last).")
        public Field field;

        @Description("ASC or DESC; default DESC for SUBMITTED_AT (newest first), ASC for DUE (most urgent first).")
        public Direction direction;

        /** What the queue is sorted by. */
        @Name("RightsCaseOrderField")
        @Description("维权个案排序字段 (what the queue is sorted by)")
        public enum Field {
            @Description("提交时间 (submission)")
            SUBMITTED_AT,
            @Description("期限 (the next deadline)")
            DUE
        }

        /** Which way. */
        @Name("RightsCaseOrderDirection")
        @Description("排序方向 (sort direction)")
        public enum Direction {
            @Description("升序 (ascending)")
            ASC,
            @Description("降序 (descending)")
            DESC
        }
    }

    /** A step with a text. */
    @Name("RightsCaseNoteKind")
    @Description("办理记录类别 (the kind of a step added by hand)")
    public enum NoteKind {
        @Description("内部备注 (internal note; never shown to the worker)")
        NOTE,
        @Description("联系记录 (contact with the worker or the employer; never shown to the worker)")
        CONTACT,
        @Description("办理措施 (an action taken; the worker sees that and when, not the text)")
        ACTION
    }
}
