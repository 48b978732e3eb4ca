package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;

/** Why a worker asks their union for help. */
@Description("求助类型 (what a help request asks the union for)")
public enum ClaimHelpKind {
    @Description("认领会籍: 未收到验证码 (claiming a membership: no code arrived — no phone on record, a changed phone, or the membership is already linked)")
    CLAIM,
    @Description("更换手机号: 原手机号已丢失 (recording a new phone: the phone on record is lost)")
    PHONE_LOST
}
