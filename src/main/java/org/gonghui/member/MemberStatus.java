package org.gonghui.member;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.graphql.Description;

/** Where a membership stands. At most one PROVISIONAL, ACTIVE, TRANSFERRING or RETAINED membership per person. */
@Description("会籍状态 (membership status)")
public enum MemberStatus {
    @Description("入会申请待审批 (an application awaiting the union's decision)")
    PENDING,
    @Description("临时会籍: 所在单位尚未建会, 暂入社区或联合工会 (provisional: the employer has no union yet)")
    PROVISIONAL,
    @Description("正式会员 (active member)")
    ACTIVE,
    @Description("接转中: 转出工会已办理, 待转入工会接收 (released by the outgoing union, awaiting acceptance)")
    TRANSFERRING,
    @Description("保留会籍 (retained: retired or unemployed)")
    RETAINED,
    @Description("退会, 或申请人撤回申请 (withdrawn; also an application its applicant withdrew)")
    WITHDRAWN,
    @Description("已故 (deceased)")
    DECEASED,
    @Description("申请未获批准 (an application the union turned down)")
    REJECTED;

    /** The statuses that count as a membership; a person holds at most one of them. */
    public static final Set<MemberStatus> OPEN = EnumSet.of(PROVISIONAL, ACTIVE, TRANSFERRING, RETAINED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
