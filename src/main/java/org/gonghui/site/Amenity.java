package org.gonghui.site;

import org.eclipse.microprofile.graphql.Description;

/** What a site offers. */
@Description("服务设施 (what a site offers)")
public enum Amenity {
    @Description("饮水 (drinking water)")
    WATER,
    @Description("休息 (rest area)")
    REST,
    @Description("卫生间 (toilet)")
    TOILET,
    @Description("微波炉 (microwave)")
    MICROWAVE,
    @Description("充电 (phone or e-bike charging)")
    CHARGING,
    @Description("药箱 (first-aid kit)")
    FIRST_AID,
    @Description("无线网络 (Wi-Fi)")
    WIFI,
    @Description("图书 (books)")
    BOOKS,
    @Description("法律咨询 (legal advice)")
    LEGAL_ADVICE,
    @Description("停车 (truck or car parking)")
    PARKING
}
