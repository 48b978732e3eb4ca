package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The inputs of a member's self-service. */
final class ClaimInputs {

    private ClaimInputs() {
    }

    /** A member's own contact details; omitted fields stay as they are. */
    @Input("UpdateMyContactInput")
    @Description("本人联系信息 (a member's own contact details; omitted fields stay as they are). Key groups and flags are kept by officials.")
    public static class UpdateMyContact {
        @Description("工作单位 (employer).")
        public String employerName;

        @Description("工作单位统一社会信用代码 (employer's unified social credit code, GB 32100).")
        public String employerCreditCode;

        @Description("职业 (occupation).")
        public String occupation;

        @Description("新手机号 (a new mobile phone): codes go to it and to the phone on record; it replaces the one on record after confirmPhoneChange.")
        public String phone;

        @Description("原手机号已丢失 (the phone on record is lost): with phone, the union's officials are asked to record the new number instead of codes.")
        public Boolean oldPhoneLost;
    }

    /** An official's reveal of a help request's contact phone. */
    @Input("RevealClaimHelpContactPhoneInput")
    @Description("查看求助人联系电话 (reveal the full contact phone of a help request; audited with your reason).")
    public static class RevealContactPhone {
        @Id
        @NonNull
        @Description("The help request.")
        public Long id;

        @NonNull
        @Description("Why you need it (recorded in the audit trail), e.g. 回电核实身份.")
        public String reason;
    }
}
