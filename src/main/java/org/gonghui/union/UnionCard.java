package org.gonghui.union;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.geo.CoordinateSystem;
import org.gonghui.region.Region;

/**
 * A union as anyone may see it: how to find and reach it, nothing about its officials or members. Built
 * from the page's row, which also holds the unions above it and its region (plain fields: nothing is left
 * to resolve per card but its location); the office phone is copied only when the union chose to publish it.
 */
@Name("UnionCard")
@Description("工会名片 (a union's public card, as findUnions shows it to anyone: name, kind, where it is, how to reach it). "
        + "Nothing about officials or members.")
public class UnionCard {

    @Id
    @NonNull
    @Description("Id of the union: give it as unionId to applyForMembership.")
    public Long id;

    @NonNull
    @Description("全称 (full name).")
    public String name;

    @Description("简称 (short name).")
    public String shortName;

    @NonNull
    @Description("类型 (kind): ENTERPRISE, PLATFORM, JOINT, COMMUNITY or INDUSTRY_FEDERATION.")
    public UnionKind kind;

    @Description("所在单位 (host employer) of an enterprise union.")
    public String hostEmployerName;

    @Description("地址 (office address).")
    public String address;

    @Description("办公电话 (office phone), only when the union publishes it; null otherwise.")
    public String officePhone;

    @NonNull
    @Description("开放时间 (opening hours), by day and opening time; empty when not given.")
    public List<@NonNull OpeningHours> openingHours;

    @NonNull
    @Description("上级工会 (the unions above, root first: id, name and level), e.g. 中华全国总工会 … 洛阳市总工会 吉利区总工会.")
    public List<@NonNull UnionRef> above;

    @Description("行政区划 (the union's administrative division: its own region code, else that of the nearest union above with one; "
            + "may be a retired code, marked so); null when none is known.")
    public Region region;

    @Ignore
    public final Double latitude;

    @Ignore
    public final Double longitude;

    /** The coordinate system of the request (its near point), the default for {@code location}. */
    @Ignore
    public final CoordinateSystem requestSystem;

    UnionCard(PublicUnionQuery.Candidate row, CoordinateSystem requestSystem) {
        this.id = row.id();
        this.name = row.name();
        this.shortName = row.shortName();
        this.kind = row.kind();
        this.hostEmployerName = row.hostEmployerName();
        this.address = row.address();
        this.officePhone = row.publishedPhone();
        this.openingHours = OpeningHours.read(row.openingPeriods());
        this.above = row.above();
        this.region = row.region();
        this.latitude = row.latitude();
        this.longitude = row.longitude();
        this.requestSystem = requestSystem;
    }
}
