package org.gonghui.region;

import org.eclipse.microprofile.graphql.Description;

/** The three tiers of administrative divisions that region codes name. */
@Description("行政区划层级 (level of an administrative division)")
public enum RegionLevel {
    @Description("省级 (province, autonomous region, municipality), code xx0000")
    PROVINCE,
    @Description("地级 (prefecture-level city, prefecture, league), code xxxx00")
    CITY,
    @Description("县级 (district, county, county-level city, banner)")
    COUNTY
}
