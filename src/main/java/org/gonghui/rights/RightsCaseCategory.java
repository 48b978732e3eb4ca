package org.gonghui.rights;

import org.eclipse.microprofile.graphql.Description;

/** What a rights case is about. */
@Description("维权事项类别 (what a rights case is about)")
public enum RightsCaseCategory {
    @Description("法律咨询 (legal consultation)")
    LEGAL_CONSULTATION,
    @Description("法律援助 (legal aid)")
    LEGAL_AID,
    @Description("劳动争议调解 (labour-dispute mediation)")
    LABOUR_DISPUTE_MEDIATION,
    @Description("欠薪 (wage arrears)")
    WAGE_ARREARS,
    @Description("工伤 (work injury)")
    WORK_INJURY,
    @Description("社会保险 (social insurance)")
    SOCIAL_INSURANCE,
    @Description("劳动合同 (labour contract)")
    LABOUR_CONTRACT,
    @Description("投诉 (grievance)")
    GRIEVANCE,
    @Description("心理咨询 (psychological counselling)")
    PSYCHOLOGICAL_COUNSELLING,
    @Description("其他 (other)")
    OTHER
}
