package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;

/** What sort of union this is; each kind belongs to one or more levels. */
@Description("工会类型 (kind of union); each kind fits certain levels")
public enum UnionKind {
    @Description("总工会 (general federation): national, provincial, city and county levels")
    GENERAL_FEDERATION(UnionLevel.NATIONAL, UnionLevel.PROVINCIAL, UnionLevel.CITY, UnionLevel.COUNTY),
    @Description("乡镇工会 (township union)")
    TOWNSHIP_UNION(UnionLevel.TOWNSHIP),
    @Description("街道工会 (street union)")
    STREET_UNION(UnionLevel.TOWNSHIP),
    @Description("开发区、园区工会 (development zone or park union)")
    ZONE_UNION(UnionLevel.TOWNSHIP),
    @Description("区域性工会联合会 (regional federation)")
    REGIONAL_FEDERATION(UnionLevel.TOWNSHIP),
    @Description("企业工会 (enterprise union: one employer)")
    ENTERPRISE(UnionLevel.GRASSROOTS),
    @Description("事业单位工会 (public institution union)")
    PUBLIC_INSTITUTION(UnionLevel.GRASSROOTS),
    @Description("机关工会 (government organ union)")
    GOV_ORGAN(UnionLevel.GRASSROOTS),
    @Description("社会组织工会 (social organisation union)")
    SOCIAL_ORG(UnionLevel.GRASSROOTS),
    @Description("联合基层工会 (joint union of several small employers)")
    JOINT(UnionLevel.GRASSROOTS),
    @Description("行业工会联合会 (industry federation, e.g. road transport, domestic services)")
    INDUSTRY_FEDERATION(UnionLevel.GRASSROOTS),
    @Description("社区工会 (community union: courier points, estate agencies and other tiny outlets)")
    COMMUNITY(UnionLevel.GRASSROOTS),
    @Description("平台企业工会 (platform company union)")
    PLATFORM(UnionLevel.GRASSROOTS);

    private final UnionLevel[] levels;

    UnionKind(UnionLevel... levels) {
        this.levels = levels;
    }

    public boolean fits(UnionLevel level) {
        for (UnionLevel l : levels) {
            if (l == level) {
                return true;
            }
        }
        return false;
    }

    /** Kinds whose union is built around one host employer that must be named with its credit code. */
    public boolean requiresHostEmployer() {
        return this == ENTERPRISE || this == PLATFORM;
    }

    /** Kinds that may name a host employer at all. */
    public boolean allowsHostEmployer() {
        return requiresHostEmployer() || this == PUBLIC_INSTITUTION || this == GOV_ORGAN || this == SOCIAL_ORG
                || this == INDUSTRY_FEDERATION;
    }
}
