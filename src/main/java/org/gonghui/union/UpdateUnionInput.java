package org.gonghui.union;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import java.util.List;
import org.gonghui.geo.CoordinateSystem;

/** Changes to a union's record. Omitted (null) fields stay as they are; an empty string clears an optional text. */
@Input("UpdateUnionInput")
@Description("修改工会信息 (changes to a union's record). Omitted or null fields stay unchanged; an empty string clears an optional text field. "
        + "Officials of the union itself may change its descriptive fields; kind, status and region code need the union above.")
public class UpdateUnionInput {

    @NonNull
    @Id
    @Description("The union to change.")
    public Long id;

    @NonNull
    @Description("The version you read; CONFLICT when the union changed since.")
    public Integer version;

    @Description("Full name, 1 to 200 characters.")
    public String name;

    @Description("Short name, at most 50 characters.")
    public String shortName;

    @Description("Kind; must fit the level. Needs authority over the parent union.")
    public UnionKind kind;

    @Description("新就业形态工会 flag; cannot be cleared on a PLATFORM union. Needs authority over the parent union.")
    public Boolean newEmploymentForm;

    @Description("How a grassroots union was formed.")
    public FormationMode formationMode;

    @Description("Region code; must fit the level, the parent's area and every code below. Needs authority over the parent union.")
    public String regionCode;

    @Description("Date established.")
    public LocalDate establishedOn;

    @Description("PREPARING or ACTIVE (use dissolveUnion to dissolve). Needs authority over the parent union.")
    public UnionStatus status;

    @Description("Name of the chair.")
    public String chairName;

    @Description("End of the chair's term.")
    public LocalDate chairTermEnd;

    @Description("Host employer.")
    public String hostEmployerName;

    @Description("Host employer's unified social credit code.")
    public String hostEmployerCreditCode;

    @Description("地址 (office address, at most 300 characters), shown on the public card; an empty string clears it.")
    public String address;

    @Description("办公电话 (office phone: digits and hyphens, 3 to 20 characters, e.g. 0379-65512351 or 12351); an empty string clears it. "
            + "Shown publicly only when publishOfficePhone is true.")
    public String officePhone;

    @Description("公开办公电话 (publish the office phone on the union's public card, findUnions): the union's own choice; false hides it again.")
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
