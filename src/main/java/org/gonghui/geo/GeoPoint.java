package org.gonghui.geo;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A point in a stated coordinate system. */
@Description("坐标 (a point in the stated coordinate system)")
public class GeoPoint {

    @NonNull
    @Description("Latitude, degrees.")
    public double latitude;

    @NonNull
    @Description("Longitude, degrees.")
    public double longitude;

    @NonNull
    @Description("The coordinate system of these values.")
    public CoordinateSystem coordinateSystem;

    public GeoPoint() {
    }

    GeoPoint(double latitude, double longitude, CoordinateSystem coordinateSystem) {
        this.latitude = latitude;
        this.longitude = longitude;
        this.coordinateSystem = coordinateSystem;
    }

    /** A WGS-84 position in the requested system (WGS-84 when null). */
    public static GeoPoint of(double latitude, double longitude, CoordinateSystem system) {
        CoordinateSystem cs = system == null ? CoordinateSystem.WGS84 : system;
        Coordinates.LatLon p = Coordinates.fromWgs84(cs, latitude, longitude);
        return new GeoPoint(p.lat(), p.lon(), cs);
    }
}
