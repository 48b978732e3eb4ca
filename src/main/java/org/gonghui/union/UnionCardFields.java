package org.gonghui.union;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.geo.CoordinateSystem;

/**
 * The fields of a union's public card, given at createUnion or changed at updateUnion: one set of fields
 * and one code path for their rules ({@code UnionService.applyPublicCard}). Omitted (null) fields stay
 * as they are (at creation: empty).
 */
public abstract class UnionCardFields {

    @Description("地址 (office address, at most 300 characters), shown on the public card; an empty string clears it.")
    public String address;

    @Description("办公电话 (office phone: digits and hyphens, 3 to 20 characters, e.g. 0379-65512351 or 12351); an empty string clears it. "
            + "Shown publicly only when publishOfficePhone is true.")
    public String officePhone;

    @Description("公开办公电话 (publish the office phone on the union's public card, findUnions): the union's own choice; false hides it again. "
            + "Default false.")
    public Boolean publishOfficePhone;

    @Description("开放时间 (the office's opening periods, replacing the ones stored; an empty list clears them). At most 21; periods of one day "
            + "may not overlap.")
    public List<@NonNull OpeningHours> openingHours;

    @Description("位置纬度 (latitude of the office); give latitude and longitude together.")
    public Double latitude;

    @Description("位置经度 (longitude of the office).")
    public Double longitude;

    @Description("Coordinate system of latitude and longitude: WGS84 (default), GCJ02 (高德, 腾讯) or BD09 (百度); stored as WGS-84.")
    public CoordinateSystem coordinateSystem;
}
