package org.gonghui.site;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import org.gonghui.geo.CoordinateSystem;

/** Inputs of the service-site mutations and list. */
final class SiteInputs {

    private SiteInputs() {
    }

    /** A new site. */
    @Input("CreateServiceSiteInput")
    @Description("新建服务阵地 (a new service site hosted by a union of your subtree)")
    public static class Create {
        @Id
        @NonNull
        @Description("The host union.")
        public Long unionId;

        @NonNull
        @Description("Kind.")
        public SiteKind kind;

        @NonNull
        @Description("Name, e.g. 吉利区河阳街道户外劳动者驿站.")
        public String name;

        @Description("Street address.")
        public String address;

        @NonNull
        @Description("Latitude in the given coordinate system.")
        public Double latitude;

        @NonNull
        @Description("Longitude in the given coordinate system.")
        public Double longitude;

        @Description("Coordinate system of latitude and longitude (default WGS84; 高德/腾讯 maps return GCJ02, Baidu maps BD09).")
        public CoordinateSystem coordinateSystem;

        @Description("Amenities.")
        public List<@NonNull Amenity> amenities;

        @Description("Opening hours, e.g. 每日 8:00-20:00.")
        public String openingHours;

        @Description("Star rating, 1 to 5.")
        public Integer starRating;
    }

    /** Changes to a site. */
    @Input("UpdateServiceSiteInput")
    @Description("修改服务阵地 (change a site; omitted fields stay)")
    public static class Update {
        @Id
        @NonNull
        @Description("The site.")
        public Long id;

        @NonNull
        @Description("The version you read.")
        public Integer version;

        @Description("Name.")
        public String name;

        @Description("Street address.")
        public String address;

        @Description("New latitude (with longitude).")
        public Double latitude;

        @Description("New longitude (with latitude).")
        public Double longitude;

        @Description("Coordinate system of a new position (default WGS84).")
        public CoordinateSystem coordinateSystem;

        @Description("Amenities (replaces the list).")
        public List<@NonNull Amenity> amenities;

        @Description("Opening hours.")
        public String openingHours;

        @Description("Star rating, 1 to 5.")
        public Integer starRating;

        @Description("OPEN or CLOSED.")
        public SiteStatus status;
    }

    /** Conditions on the sites of a subtree. */
    @Input("ServiceSiteFilter")
    @Description("服务阵地查询条件 (conditions on the sites of your subtree)")
    public static class Filter {
        @Id
        @Description("Sites hosted by this union and the unions below it; default your union.")
        public Long unionId;

        @Description("Only these kinds.")
        public List<@NonNull SiteKind> kinds;

        @Description("Only this status.")
        public SiteStatus status;
    }
}
