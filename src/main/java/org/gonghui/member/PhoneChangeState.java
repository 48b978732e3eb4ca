package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;

/** What became of a requested phone change. */
@Description("更换手机号的进展 (what became of a requested phone change)")
public enum PhoneChangeState {
    @Description("验证码已发送至新手机号和原手机号, 用 confirmPhoneChange 确认 (codes were sent to the new phone and the phone on record; confirm with confirmPhoneChange)")
    CODES_SENT,
    @Description("原手机号丢失: 已转所在工会处理 (the old phone is lost: the union's officials were asked to record the new one)")
    SENT_TO_UNION
}
