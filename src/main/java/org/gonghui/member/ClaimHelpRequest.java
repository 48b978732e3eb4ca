package org.gonghui.member;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A help request as officials see it: the contact phone masked, the requester's login to link once checked. */
@Description("会员求助待办 (a worker's help request waiting on the officials of the membership's union; contact phone masked)")
public class ClaimHelpRequest {

    @Id
    @NonNull
    @Description("Id of the request.")
    public Long id;

    @NonNull
    @Description("求助类型 (what is asked).")
    public ClaimHelpKind kind;

    @Id
    @NonNull
    @Description("The union whose officials handle it (the membership's union when it was filed).")
    public Long unionId;

    @Id
    @NonNull
    @Description("The membership it is about; read it with member(id).")
    public Long memberId;

    @NonNull
    @Description("求助人填写的姓名 (the name as the requester typed it).")
    public String name;

    @NonNull
    @Description("联系电话, 脱敏 (the number to call back, masked: 138****1234; for PHONE_LOST the new number asked for).")
    public String contactPhone;

    @NonNull
    @Description("求助人的登录账号 (the requester's login, token subject): after checking who they are, link it with linkMemberLogin.")
    public String requesterSubject;

    @NonNull
    @Description("处理状态 (OPEN or CLOSED).")
    public ClaimHelpStatus status;

    @NonNull
    @Description("提交时间 (when it was filed).")
    public OffsetDateTime createdAt;

    @Description("处理时间 (when an official closed it).")
    public OffsetDateTime closedAt;

    @Description("处理说明 (the closing official's note).")
    public String closeNote;

    static ClaimHelpRequest of(ClaimHelpRecord r) {
        ClaimHelpRequest v = new ClaimHelpRequest();
        v.id = r.id;
        v.kind = r.kind;
        v.unionId = r.unionId;
        v.memberId = r.membershipId;
        v.name = r.name;
        v.contactPhone = r.contactPhoneMasked;
        v.requesterSubject = r.subject;
        v.status = r.status;
        v.createdAt = r.createdAt;
        v.closedAt = r.closedAt;
        v.closeNote = r.closeNote;
        return v;
    }
}
