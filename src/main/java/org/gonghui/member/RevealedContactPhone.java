package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** The full contact phone of a help request; the reveal is in the audit trail. */
@Description("求助人完整联系电话 (the full contact phone of a help request; the reveal is recorded in the audit trail)")
public class RevealedContactPhone {

    @Id
    @NonNull
    @Description("Id of the help request.")
    public Long helpRequestId;

    @NonNull
    @Description("The full number the requester gave, to call them back.")
    public String contactPhone;

    public RevealedContactPhone() {
    }

    RevealedContactPhone(Long helpRequestId, String contactPhone) {
        this.helpRequestId = helpRequestId;
        this.contactPhone = contactPhone;
    }
}
