package org.gonghui.card;

import org.eclipse.microprofile.graphql.Description;

/** Why a scanned card payload is not valid. Says nothing about whom a number belongs to. */
@Description("会员卡校验不通过的原因 (why a card payload is not valid)")
public enum CardInvalidReason {
    @Description("格式不正确: 不是本系统签发的会员卡二维码 (not a card payload: not a compact JWS with the expected contents)")
    MALFORMED,
    @Description("签名无效: 内容被篡改或伪造 (the signature does not match: tampered or forged)")
    BAD_SIGNATURE,
    @Description("签名密钥未知或已停用 (signed with a key that is not, or no longer, published)")
    UNKNOWN_KEY,
    @Description("二维码已过期, 请会员刷新 (expired: the member should show a fresh code)")
    EXPIRED,
    @Description("持卡人目前不是会员 (the card's membership is not PROVISIONAL, ACTIVE, TRANSFERRING or RETAINED now)")
    NOT_A_MEMBER_NOW
}
