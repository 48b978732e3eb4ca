package org.gonghui.workforce;

import org.eclipse.microprofile.graphql.Description;

/** What an enrolment target measures. */
@Description("目标类型 (what an enrolment target measures)")
public enum TargetKind {
    @Description("A share of the registered workers of the target's key groups enrolled by the due date, e.g. 50% of the four key groups by 2025-12-31.")
    KEY_GROUP_ENROLMENT,
    @Description("A number of new members over the target's months, e.g. 20,000 new members in 2026.")
    NEW_MEMBERS,
    @Description("A number of new new-employment-form members over the target's months, e.g. 12,000 a year.")
    NEW_FORM_MEMBERS
}
