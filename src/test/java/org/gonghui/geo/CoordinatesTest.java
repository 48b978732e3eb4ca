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
