package org.gonghui.notification;

import org.eclipse.microprofile.graphql.Description;

/** What a member's notification is about. */
@Description("通知类型 (what a member's notification is about)")
public enum NoticeType {
    @Description("入会申请已批准或驳回 (a membership application was decided)")
    APPLICATION_DECIDED,
    @Description("登录账号已关联会籍 (a login was linked to the membership)")
    CLAIM_LINKED,
    @Description("手机号已变更 (the phone on record changed)")
    PHONE_CHANGED,
    @Description("接转进展 (a transfer request or transfer moved a step)")
    TRANSFER_STEP,
    @Description("服务项目申请已决定 (a program application was decided)")
    PROGRAM_DECIDED,
    @Description("已发放帮扶/福利 (a benefit was granted)")
    BENEFIT_GRANTED,
    @Description("困难档案进展 (a hardship file moved a step)")
    HARDSHIP_STEP,
    @Description("维权个案进展 (a rights case moved a step: accepted, declined, referred, resolved, closed)")
    RIGHTS_CASE_STEP
}
