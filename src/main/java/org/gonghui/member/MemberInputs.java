package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The inputs of member mutations. */
final class MemberInputs {

    private MemberInputs() {
    }

    /** An application for membership. */
    @Input("ApplyForMembershipInput")
    @Description("入会申请 (an application to join a grassroots union). Give either unionId or regionCode.")
    public static class Apply {
        @Id
        @Description("The grassroots union applied to. Members may apply to any ACTIVE grassroots union; officials to one in their subtree.")
        public Long unionId;

        @Description("Instead of unionId, when the employer has no union: the 6-digit region code of the worker's area. The application "
                + "goes to that area's community union (or else joint union), and approval makes the member PROVISIONAL.")
        public String regionCode;

        @NonNull
        @Description("姓名 (name, as on the ID card).")
        public String name;

        @NonNull
        @Description("居民身份证号 (resident ID number, GB 11643). Birth date and sex are taken from it.")
        public String idNumber;

        @Description("手机号 (mobile phone).")
        public String phone;

        @Description("工作单位 (employer).")
        public String employerName;

        @Description("工作单位统一社会信用代码 (employer's unified social credit code).")
        public String employerCreditCode;

        @Description("职业 (occupation).")
        public String occupation;

        @Description("重点群体 (key groups).")
        public List<@NonNull KeyGroup> keyGroups;

        @Description("新就业形态劳动者 (works in a new employment form); default false.")
        public Boolean newEmploymentForm;

        @Description("农民工 (migrant worker); default false.")
        public Boolean migrantWorker;

        @Description("Idempotency key chosen by the client (1-200 characters): a retry with the same key returns the first result instead of applying twice.")
        public String idempotencyKey;
    }

    /** A decision or status change on one member at a known version. */
    @Input("MemberDecisionInput")
    @Description("A member, the version you read, and a reason where one is required.")
    public static class Decision {
        @Id
        @NonNull
        @Description("Id of the member (membership).")
        public Long id;

        @NonNull
        @Description("The version you read.")
        public Integer version;

        @Description("Reason (required for rejections and status changes).")
        public String reason;
    }

    /** A status change. */
    @Input("ChangeMemberStatusInput")
    @Description("会籍变更 (retain, withdraw, deceased, or back to ACTIVE from RETAINED).")
    public static class ChangeStatus {
        @Id
        @NonNull
        @Description("Id of the member (membership).")
        public Long id;

        @NonNull
        @Description("The version you read.")
        public Integer version;

        @NonNull
        @Description("The new status: RETAINED, WITHDRAWN, DECEASED, or ACTIVE for a RETAINED member who works again.")
        public MemberStatus status;

        @NonNull
        @Description("Reason (e.g. 退休, 本人申请退会).")
        public String reason;
    }

    /** Changes to a member's record. */
    @Input("UpdateMemberInput")
    @Description("修改会员信息 (change a member's record); omitted fields stay as they are, an empty text clears it.")
    public static class Update {
        @Id
        @NonNull
        @Description("Id of the member (membership).")
        public Long id;

        @NonNull
        @Description("The version you read.")
        public Integer version;

        @Description("手机号 (mobile phone); empty text removes it.")
        public String phone;

        @Description("工作单位 (employer).")
        public String employerName;

        @Description("工作单位统一社会信用代码.")
        public String employerCreditCode;

        @Description("职业 (occupation).")
        public String occupation;

        @Description("重点群体 (key groups); replaces the list.")
        public List<@NonNull KeyGroup> keyGroups;

        @Description("新就业形态 flag.")
        public Boolean newEmploymentForm;

        @Description("农民工 flag.")
        public Boolean migrantWorker;
    }

    /** Which personal datum to reveal. */
    @Name("PersonalDataField")
    @Description("A protected personal datum.")
    public enum PersonalField {
        @Description("居民身份证号 (resident ID number)")
        ID_NUMBER,
        @Description("手机号 (mobile phone)")
        PHONE
    }

    /** A reveal request. */
    @Input("RevealPersonalDataInput")
    @Description("查看完整个人信息 (reveal one full personal datum of a member; audited with your reason).")
    public static class Reveal {
        @Id
        @NonNull
        @Description("Id of the member (membership).")
        public Long id;

        @NonNull
        @Description("Which datum.")
        public PersonalField field;

        @NonNull
        @Description("Why you need it (recorded in the audit trail), e.g. 办理困难帮扶核对身份.")
        public String reason;
    }

    /** Linking a login to a member. */
    @Input("LinkMemberLoginInput")
    @Description("Link a person's own login (OIDC subject) to their member record, so `me` shows their membership.")
    public static class LinkLogin {
        @Id
        @NonNull
        @Description("Id of the member (membership).")
        public Long id;

        @NonNull
        @Description("The OIDC subject (`sub`) of the person's login.")
        public String subject;
    }

    /** Releasing a member to another union. */
    @Input("ReleaseMemberInput")
    @Description("转出 (release a member to another grassroots union; the receiving union then accepts).")
    public static class Release {
        @Id
        @NonNull
        @Description("Id of the member (membership).")
        public Long id;

        @NonNull
        @Description("The version you read.")
        public Integer version;

        @Id
        @NonNull
        @Description("The receiving grassroots union (anywhere in the country).")
        public Long toUnionId;

        @Description("Why the member moves, e.g. 工作调动.")
        public String reason;
    }

    /** Accepting or cancelling a transfer. */
    @Input("TransferDecisionInput")
    @Description("A transfer, the member's version you read, and for cancellations a reason.")
    public static class TransferDecision {
        @Id
        @NonNull
        @Description("Id of the transfer.")
        public Long transferId;

        @NonNull
        @Description("The member's version you read.")
        public Integer version;

        @Description("Reason (required to cancel).")
        public String reason;
    }

    /** A member's request to move to another union. */
    @Input("RequestTransferInput")
    @Description("转会申请 (a member asks to move to another grassroots union). Give exactly one of toUnionId or regionCode.")
    public static class RequestTransfer {
        @Id
        @Description("The ACTIVE grassroots union to move to (e.g. from findUnions).")
        public Long toUnionId;

        @Description("Instead of toUnionId, when the new employer has no union: the 6-digit region code (GB/T 2260) of the new workplace. "
                + "The request goes to that area's community union, else its joint union, as applyForMembership by region does.")
        public String regionCode;

        @Description("Why the member moves, e.g. 工作调动 (up to 500 characters).")
        public String reason;
    }
}
