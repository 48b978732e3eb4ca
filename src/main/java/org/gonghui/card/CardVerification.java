package org.gonghui.card;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.member.MemberStatus;

/**
 * The answer to a scanned card: valid with the holder's masked name, union and status, or not valid with
 * a reason and nothing else (so an invalid payload reveals nothing about any card number).
 */
@Description("会员卡校验结果 (result of checking a scanned member card; when not valid only the reason is given)")
public class CardVerification {

    @NonNull
    @Description("是否有效 (valid: genuine signature, not expired, and a member now).")
    public boolean valid;

    @Description("无效原因 (why not valid); null when valid.")
    public CardInvalidReason reason;

    @Description("会员卡号 (card number); null when not valid.")
    public String cardNumber;

    @Description("持卡人姓名, 脱敏 (holder's name, masked: 王*伟, 李*); null when not valid.")
    public String holderName;

    @Description("所在工会名称 (the holder's union now); null when not valid.")
    public String unionName;

    @Description("会籍状态 (membership status now); null when not valid.")
    public MemberStatus status;

    public CardVerification() {
    }

    static CardVerification invalid(CardInvalidReason reason) {
        CardVerification v = new CardVerification();
        v.reason = reason;
        return v;
    }

    static CardVerification valid(String cardNumber, String name, String unionName, MemberStatus status) {
        CardVerification v = new CardVerification();
        v.valid = true;
        v.cardNumber = cardNumber;
        v.holderName = maskName(name);
        v.unionName = unionName;
        v.status = status;
        return v;
    }

    /**
     * A name as shown to whoever scans a card: the first and last character kept, the ones between starred
     * (王小伟 → 王*伟, 阿卜杜拉·艾买提 → 阿******提); a two-character name keeps its surname (王伟 → 王*).
     * Counts code points, so a character outside the BMP is one character.
     */
    static String maskName(String name) {
        int[] cps = name.codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return masked.append('*').toString();
        }
        masked.append("*".repeat(cps.length - 2));
        return masked.appendCodePoint(cps[cps.length - 1]).toString();
    }
}
