package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The answer of updateMyContact: the member as now recorded, and what became of a requested phone change. */
@Description("本人联系信息更新结果 (the member as now recorded, and what became of a requested phone change)")
public class MyContactUpdate {

    @NonNull
    @Description("本人会籍 (the member; the phone changes only after confirmPhoneChange or the union's action).")
    public Member member;

    @Description("更换手机号的进展 (null when no new phone was given).")
    public PhoneChangeState phoneChange;

    MyContactUpdate(Member member, PhoneChangeState phoneChange) {
        this.member = member;
        this.phoneChange = phoneChange;
    }
}
