package org.gonghui.geo;

/**
 * WGS-84 ↔ GCJ-02 ↔ BD-09 and great-circle distances. GCJ-02 is WGS-84 with a published, deterministic
 * obfuscation inside China; the inverse has no closed form and is found by iterating the forward
 * transformation (converges to well under a metre in a few steps). BD-09 (Baidu) is GCJ-02 with
 * Baidu's published polar offset, whose usual inverse is exact to well within a metre.
 */
public final class Coordinates {

    /** China's bounding box (latitude 3.86–53.56, longitude 73.50–135.09), where GCJ-02 applies and sites exist. */
    public static final double MIN_LAT = 3.86;
    public static final double MAX_LAT = 53.56;
    public static final double MIN_LON = 73.50;
    public static final double MAX_LON = 135.09;

    /** Mean Earth radius (IUGG), km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;

    private Coordinates() {
    }

    /** A latitude/longitude pair in degrees. */
    public record LatLon(double lat, double lon) {
    }

    public static boolean inChina(double lat, double lon) {
        return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
    }

    public static LatLon wgs84ToGcj02(double lat, double lon) {
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LatLon(lat + dLat, lon + dLon);
    }

    public static LatLon gcj02ToWgs84(double lat, double lon) {
        double wLat = lat;
        double wLon = lon;
        for (int i = 0; i < 10; i++) {
            LatLon g = wgs84ToGcj02(wLat, wLon);
            double errLat = g.lat() - lat;
            double errLon = g.lon() - lon;
            wLat -= errLat;
            wLon -= errLon;
            if (Math.abs(errLat) < 1e-9 && Math.abs(errLon) < 1e-9) {
                break;
            }
        }
        return new LatLon(wLat, wLon);
    }

    /** The position given in {@code system} (WGS-84 when null) as WGS-84. */
    public static LatLon toWgs84(CoordinateSystem system, double lat, double lon) {
        if (system == null) {
            return new LatLon(lat, lon);
        }
        return switch (system) {
            case WGS84 -> new LatLon(lat, lon);
            case GCJ02 -> gcj02ToWgs84(lat, lon);
            case BD09 -> {
                LatLon gcj = bd09ToGcj02(lat, lon);
                yield gcj02ToWgs84(gcj.lat(), gcj.lon());
            }
        };
    }

    /** A WGS-84 position in {@code system} (WGS-84 when null). */
    public static LatLon fromWgs84(CoordinateSystem system, double lat, double lon) {
        if (system == null) {
            return new LatLon(lat, lon);
        }
        return switch (system) {
            case WGS84 -> new LatLon(lat, lon);
            case GCJ02 -> wgs84ToGcj02(lat, lon);
            case BD09 -> {
                LatLon gcj = wgs84ToGcj02(lat, lon);
                yield gcj02ToBd09(gcj.lat(), gcj.lon());
            }
        };
    }

    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;

    /** GCJ-02 → BD-09, Baidu's published formula. */
    public static LatLon gcj02ToBd09(double lat, double lon) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
        return new LatLon(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }

    /** BD-09 → GCJ-02, the published inverse of {@link #gcj02ToBd09}. */
    public static LatLon bd09ToGcj02(double lat, double lon) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
        return new LatLon(z * Math.sin(theta), z * Math.cos(theta));
    }

    /** Great-circle (haversine) distance in km. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
