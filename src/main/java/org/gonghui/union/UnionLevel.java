package org.gonghui.union;

import java.util.Set;

import org.eclipse.microprofile.graphql.Description;

/** The five tiers below the national root, and the root itself. */
@Description("工会层级 (tier of a union in the hierarchy)")
public enum UnionLevel {
    @Description("全国总工会 (the national root; exactly one)")
    NATIONAL,
    @Description("省总工会 (provincial federation)")
    PROVINCIAL,
    @Description("市总工会 (city federation)")
    CITY,
    @Description("县、区、县级市总工会 (county-level federation)")
    COUNTY,
    @Description("乡镇、街道、园区工会及工会联合会 (township-level union)")
    TOWNSHIP,
    @Description("基层工会 (grassroots union)")
    GRASSROOTS;

    /**
     * Levels a union of this level may hang under: normally the level above; a grassroots union may
     * also sit under a county or city (large enterprises, development zones) and a county under a
     * province (province-administered county cities).
     */
    public Set<UnionLevel> allowedParents() {
        return switch (this) {
            case NATIONAL -> Set.of();
            case PROVINCIAL -> Set.of(NATIONAL);
            case CITY -> Set.of(PROVINCIAL);
            case COUNTY -> Set.of(CITY, PROVINCIAL);
            case TOWNSHIP -> Set.of(COUNTY);
            case GRASSROOTS -> Set.of(TOWNSHIP, COUNTY, CITY);
        };
    }
}
