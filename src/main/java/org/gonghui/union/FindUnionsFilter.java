package org.gonghui.union;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.geo.CoordinateSystem;

/** What a worker looks for in the public union directory; every condition given must hold. */
@Input("FindUnionsFilter")
@Description("查找工会的条件 (conditions of findUnions); every condition given must hold, omitted ones do not filter.")
public class FindUnionsFilter {

    @Description("名称包含 (the union's name contains this text), 1 to 100 characters.")
    public String nameContains;

    @Description("所在单位名称包含 (the host employer's name contains this text), 1 to 200 characters: finds an enterprise union by its employer.")
    public String employerName;

    @Description("行政区划 (six-digit GB/T 2260 code; retired codes work too): a province code (xx0000) covers the province, a city code (xxxx00) "
            + "the city, any other code that county. Matches unions whose own region code lies there and unions below a provincial, city or "
            + "county federation whose code lies there.")
    public String regionCode;

    @Description("附近 (only unions with a location within radiusKm of a point; results nearest first, each with its distance).")
    public Near near;

    @Description("类型 (only these kinds): ENTERPRISE, PLATFORM (a platform company's union), JOINT, COMMUNITY, INDUSTRY_FEDERATION, the kinds that take "
            + "applications; default all five.")
    public List<@NonNull UnionKind> kinds;

    /** A search circle, with the rules of nearestSites. */
    @Input("NearInput")
    @Description("搜索范围 (a point and a radius): a point in China, a radius over 0 and at most 50 km, as for nearestSites.")
    public static class Near {

        @NonNull
        @Description("Latitude of the point, degrees.")
        public Double latitude;

        @NonNull
        @Description("Longitude of the point, degrees.")
        public Double longitude;

        @DefaultValue("WGS84")
        @Description("Coordinate system of the point (WGS84 default, GCJ02 as 高德/腾讯 maps return, or BD09 as Baidu maps return); locations in the answer come back in the same one.")
        public CoordinateSystem coordinateSystem;

        @NonNull
        @Description("Search radius in km, over 0 and at most 50.")
        public Double radiusKm;
    }
}
