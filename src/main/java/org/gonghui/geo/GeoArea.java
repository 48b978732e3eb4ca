package org.gonghui.geo;

import jakarta.persistence.Query;

import org.gonghui.support.ValidationException;

/**
 * A search circle of the public map searches ({@code nearestSites}, {@code findUnions}): the rules for
 * the point and the radius, and the SQL that finds rows inside it. The bounding box of the radius is
 * answered by a GiST index on a {@code location} point column; only rows inside it are measured by
 * great-circle distance. Positions are WGS-84; {@code system} is the caller's, for the answers.
 */
public record GeoArea(double lat, double lon, double radiusKm, CoordinateSystem system) {

    public static final double MAX_RADIUS_KM = 50;

    /**
     * The circle of a request, its point converted to WGS-84. VALIDATION for a point outside China's
     * bounding box or a radius not over 0 and at most 50 km; {@code prefix} starts the field paths.
     */
    public static GeoArea of(String prefix, Double latitude, Double longitude, CoordinateSystem system, Double radiusKm) {
        CoordinateSystem cs = system == null ? CoordinateSystem.WGS84 : system;
        Coordinates.LatLon wgs = position(prefix + "latitude", latitude, longitude, cs);
        if (radiusKm == null || !(radiusKm > 0) || radiusKm > MAX_RADIUS_KM) {
            throw new ValidationException(prefix + "radiusKm: 半径须大于 0 且不超过 " + (int) MAX_RADIUS_KM + " 公里 (must be over 0 and at most 50 km), got " + radiusKm);
        }
        return new GeoArea(wgs.lat(), wgs.lon(), radiusKm, cs);
    }

    /** A position in China, converted to WGS-84; VALIDATION outside China's bounding box. */
    public static Coordinates.LatLon position(String field, Double latitude, Double longitude, CoordinateSystem system) {
        if (latitude == null || longitude == null || !Coordinates.inChina(latitude, longitude)) {
            throw new ValidationException(field + ": 坐标不在中国境内 (latitude " + Coordinates.MIN_LAT + "–" + Coordinates.MAX_LAT + ", longitude "
                    + Coordinates.MIN_LON + "–" + Coordinates.MAX_LON + "))");
        }
        return Coordinates.toWgs84(system, latitude, longitude);
    }

    /** SQL: the great-circle distance in km from the point to the row {@code alias} (its latitude and longitude columns). */
    public static String distanceKmSql(String alias) {
        return "2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(" + alias + ".latitude - :lat) / 2), 2)\n"
                + "         + cos(radians(:lat)) * cos(radians(" + alias + ".latitude)) * power(sin(radians(" + alias + ".longitude - :lon) / 2), 2))))";
    }

    /** SQL: the row {@code alias} lies in the bounding box of the circle (its {@code location} point, GiST-indexed). */
    public static String inBoxSql(String alias) {
        return alias + ".location <@ box(point(:lonMin, :latMin), point(:lonMax, :latMax))";
    }

    /** Binds the point, the bounding box and {@code :radius}. */
    public <Q extends Query> Q bind(Q query) {
        double dLat = Math.toDegrees(radiusKm / Coordinates.EARTH_RADIUS_KM);
        double farLat = Math.min(89.9, Math.abs(lat) + dLat);
        double dLon = Math.toDegrees(radiusKm / (Coordinates.EARTH_RADIUS_KM * Math.cos(Math.toRadians(farLat))));
        query.setParameter("lat", lat).setParameter("lon", lon)
                .setParameter("latMin", lat - dLat).setParameter("latMax", lat + dLat)
                .setParameter("lonMin", lon - dLon).setParameter("lonMax", lon + dLon)
                .setParameter("radius", radiusKm);
        return query;
    }
}
