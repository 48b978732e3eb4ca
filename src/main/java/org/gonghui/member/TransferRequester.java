package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Who asks to move, as both unions' officials see them while the request is open: name, card number
 * and status only (the receiving side sees nothing else of the member, and nothing once it ends).
 */
@Description("申请转会的会员 (the member of an open transfer request: name, card number and status only; "
        + "shown to both unions' officials while the request is REQUESTED, null once it ends)")
public class TransferRequester {

    @NonNull
    @Description("姓名 (name).")
    public String name;

    @Description("电子会员卡号 (member card number).")
    public String cardNumber;

    @NonNull
    @Description("会籍状态 (membership status now).")
    public MemberStatus status;

    public TransferRequester() {
    }

    TransferRequester(String name, String cardNumber, MemberStatus status) {
        this.name = name;
        this.cardNumber = cardNumber;
        this.status = status;
    }
}
