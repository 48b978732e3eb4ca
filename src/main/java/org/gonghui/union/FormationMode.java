package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;

/** How a grassroots union was formed (建会模式). */
@Description("建会模式 (how a grassroots union was formed)")
public enum FormationMode {
    @Description("单独建 (the employer formed its own union)")
    STANDALONE,
    @Description("牵头建 (a leading firm organised its industry)")
    LEAD_ENTERPRISE,
    @Description("主导建 (built through a trade association)")
    INDUSTRY_ASSOCIATION,
    @Description("社区建 (absorbed into the community union)")
    COMMUNITY
}
