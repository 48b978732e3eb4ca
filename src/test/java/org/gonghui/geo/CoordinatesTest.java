package org.gonghui.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GCJ-02 conversion and great-circle distances, without the container. */
class CoordinatesTest {

    @Test
    void gcj02ShiftsBeijingByTheKnownFewHundredMetres() {
        Coordinates.LatLon gcj = Coordinates.wgs84ToGcj02(39.9042, 116.4074);
        // the published offset in central Beijing: about +0.0014° latitude and +0.0062° longitude
        assertEquals(0.0014, gcj.lat() - 39.9042, 0.0003);
        assertEquals(0.0062, gcj.lon() - 116.4074, 0.0003);
    }

    @Test
    void gcj02ConvertsBackToWithinACentimetre() {
        for (double[] p : new double[][] { { 34.9005, 112.5840 }, { 45.6196, 122.8390 }, { 22.5431, 114.0579 }, { 18.25, 109.5 } }) {
            Coordinates.LatLon gcj = Coordinates.wgs84ToGcj02(p[0], p[1]);
            Coordinates.LatLon back = Coordinates.gcj02ToWgs84(gcj.lat(), gcj.lon());
            assertTrue(Coordinates.distanceKm(p[0], p[1], back.lat(), back.lon()) < 0.00001, () -> back.toString());
        }
    }

    @Test
    void bd09ConversionsReproduceThePublishedReferenceValues() {
        // the reference values that implementations of Baidu's published formula quote for (39.915, 116.404)
        Coordinates.LatLon gcj = Coordinates.bd09ToGcj02(39.915, 116.404);
        assertEquals(39.90865673957631, gcj.lat(), 1e-9);
        assertEquals(116.39762729119315, gcj.lon(), 1e-9);
        Coordinates.LatLon bd = Coordinates.gcj02ToBd09(39.915, 116.404);
        assertEquals(39.92133699351021, bd.lat(), 1e-9);
        assertEquals(116.41036949371029, bd.lon(), 1e-9);
    }

    @Test
    void bd09RoundTripsThroughGcj02AndWgs84WithinAFewMetres() {
        for (double[] p : new double[][] { { 34.9005, 112.5840 }, { 45.6196, 122.8390 }, { 22.5431, 114.0579 }, { 18.25, 109.5 }, { 39.9042, 116.4074 } }) {
            Coordinates.LatLon bd = Coordinates.gcj02ToBd09(p[0], p[1]);
            Coordinates.LatLon gcj = Coordinates.bd09ToGcj02(bd.lat(), bd.lon());
            assertTrue(Coordinates.distanceKm(p[0], p[1], gcj.lat(), gcj.lon()) < 0.002, gcj::toString);
            Coordinates.LatLon viaBd = Coordinates.fromWgs84(CoordinateSystem.BD09, p[0], p[1]);
            Coordinates.LatLon back = Coordinates.toWgs84(CoordinateSystem.BD09, viaBd.lat(), viaBd.lon());
            assertTrue(Coordinates.distanceKm(p[0], p[1], back.lat(), back.lon()) < 0.002, back::toString);
            // BD-09 lies about a kilometre from WGS-84 (GCJ-02's few hundred metres plus Baidu's offset)
            double shift = Coordinates.distanceKm(p[0], p[1], viaBd.lat(), viaBd.lon());
            assertTrue(shift > 0.3 && shift < 2, () -> "shift " + shift);
        }
        Coordinates.LatLon same = Coordinates.fromWgs84(CoordinateSystem.WGS84, 34.9, 112.58);
        assertEquals(34.9, same.lat(), 0);
        assertEquals(112.58, same.lon(), 0);
    }

    @Test
    void greatCircleDistancesMatchKnownValues() {
        // Beijing Tiananmen to Shanghai People's Square: about 1,067 km
        assertEquals(1067, Coordinates.distanceKm(39.9042, 116.4074, 31.2304, 121.4737), 5);
        // one degree of latitude: 111.19 km
        assertEquals(111.19, Coordinates.distanceKm(30, 110, 31, 110), 0.01);
    }

    @Test
    void chinasBoundingBoxExcludesOtherContinents() {
        assertTrue(Coordinates.inChina(34.9, 112.58));
        assertFalse(Coordinates.inChina(48.85, 2.35));
        assertFalse(Coordinates.inChina(-33.9, 151.2));
    }
}
