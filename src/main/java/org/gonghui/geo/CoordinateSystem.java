package org.gonghui.geo;

import org.eclipse.microprofile.graphql.Description;

/** The datum of a coordinate pair. */
@Description("坐标系 (coordinate system of a latitude/longitude pair)")
public enum CoordinateSystem {
    @Description("WGS-84, as GPS receivers report it")
    WGS84,
    @Description("GCJ-02 (国测局坐标), as Chinese map SDKs (高德, 腾讯) return it")
    GCJ02,
    @Description("BD-09 (百度坐标), as Baidu maps return it: GCJ-02 with Baidu's own published offset")
    BD09
}
