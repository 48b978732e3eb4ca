package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** One revealed value; the reveal is in the audit trail. */
@Description("完整个人信息 (one revealed personal datum; the reveal is recorded in the audit trail)")
public class RevealedPersonalData {

    @Id
    @NonNull
    @Description("Id of the member.")
    public Long memberId;

    @NonNull
    @Description("Which datum.")
    public MemberInputs.PersonalField field;

    @Description("The full value; null when none is recorded (a member without a phone).")
    public String value;

    public RevealedPersonalData() {
    }

    RevealedPersonalData(Long memberId, MemberInputs.PersonalField field, String value) {
        this.memberId = memberId;
        this.field = field;
        this.value = value;
    }
}
