package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;

/** Sex, as the ID number's 17th digit states it. */
@Description("性别 (sex, derived from the ID number's 17th digit)")
public enum Sex {
    @Description("男")
    MALE,
    @Description("女")
    FEMALE
}
