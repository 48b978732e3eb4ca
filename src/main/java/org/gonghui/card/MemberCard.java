package org.gonghui.card;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The electronic member card as the member's app shows it: the number and a freshly signed QR payload. */
@Description("电子会员卡 (electronic member card: the card number and a short-lived signed QR code payload; ask again for a fresh one)")
public class MemberCard {

    @NonNull
    @Description("会员卡号 (card number).")
    public String number;

    @NonNull
    @Description("二维码内容 (QR code content): a compact JWS (ES256) holding the card number, union id, status and expiry; "
            + "verify with verifyMemberCard or offline with the keys at /.well-known/gonghui-card-keys.json.")
    public String qrPayload;

    @NonNull
    @Description("二维码有效期至 (the payload expires at this time, 5 minutes after it was issued).")
    public OffsetDateTime validUntil;

    public MemberCard() {
    }

    MemberCard(String number, String qrPayload, OffsetDateTime validUntil) {
        this.number = number;
        this.qrPayload = qrPayload;
        this.validUntil = validUntil;
    }
}
