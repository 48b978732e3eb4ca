package org.gonghui.rights;

import org.eclipse.microprofile.graphql.Description;

/** How a rights case was resolved. */
@Description("办理结果 (how a rights case was resolved)")
public enum RightsCaseOutcome {
    @Description("已提供法律意见 (advice given)")
    ADVICE_GIVEN,
    @Description("调解达成协议 (mediated agreement)")
    MEDIATED_AGREEMENT,
    @Description("转劳动仲裁 (referred to labour arbitration)")
    REFERRED_TO_ARBITRATION,
    @Description("转诉讼 (referred to court)")
    REFERRED_TO_COURT,
    @Description("给予法律援助 (legal aid granted)")
    LEGAL_AID_GRANTED,
    @Description("追回欠薪 (wages recovered, with the amount)")
    WAGES_RECOVERED,
    @Description("其他 (other, with a text)")
    OTHER
}
