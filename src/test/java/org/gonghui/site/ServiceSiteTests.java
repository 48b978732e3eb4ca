package org.gonghui.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.geo.CoordinateSystem;
import org.gonghui.geo.Coordinates;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** nearestSites for the public, and the sites officials keep; demo sites are in db/demo/R__demo_sites.sql. */
@QuarkusTestWithOidc
class ServiceSiteTests {

    // a rider on 吉利大道, WGS-84
    static final double LAT = 34.8990;
    static final double LON = 112.5800;
    static final String NEAREST = """
            query($lat: Float!, $lon: Float!, $cs: CoordinateSystem, $r: Float!, $kinds: [SiteKind], $first: Int, $after: String) {
              nearestSites(latitude: $lat, longitude: $lon, coordinateSystem: $cs, radiusKm: $r, kinds: $kinds, first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                edges { distanceKm location { latitude longitude coordinateSystem } node { id name kind amenityList hostUnion { name } } } } }""";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result nearest(Map<String, Object> variables) {
        return GraphQLClient.post(null, NEAREST, variables);
    }

    static Map<String, Object> around(double radiusKm) {
        return new java.util.HashMap<>(Map.of("lat", LAT, "lon", LON, "r", radiusKm));
    }

    @Test
    void anyoneFindsTheOpenSitesWithinTheRadiusNearestFirstByGreatCircleDistance() {
        Result result = nearest(around(5));
        assertFalse(result.hasErrors(), result::toString);
        List<Integer> ids = result.json().getList("data.nearestSites.edges.node.id", String.class).stream().map(Integer::valueOf).toList();
        List<Float> distances = result.json().getList("data.nearestSites.edges.distanceKm");
        assertEquals(List.of(1, 5, 6, 2, 3, 4), ids, result::toString);
        double[][] positions = { {}, { 34.9005, 112.5840 }, { 34.8952, 112.5713 }, { 34.9101, 112.5962 }, { 34.8860, 112.6120 }, { 34.9033, 112.5811 }, { 34.9048, 112.5790 } };
        for (int i = 0; i < ids.size(); i++) {
            double[] p = positions[ids.get(i)];
            assertEquals(Coordinates.distanceKm(LAT, LON, p[0], p[1]), distances.get(i), 0.0001);
            assertTrue(distances.get(i) <= 5);
        }
        assertEquals("吉利区总工会", result.data("nearestSites.edges[0].node.hostUnion.name"));
    }

    @Test
    void kindsNarrowTheSearchAndClosedSitesNeverShow() {
        Map<String, Object> vars = around(50);
        vars.put("kinds", List.of("OUTDOOR_WORKER_STATION"));
        Result result = nearest(vars);
        assertEquals(List.of("1", "2", "3"), result.json().getList("data.nearestSites.edges.node.id"), result::toString);
    }

    @Test
    void pagesFollowTheirCursorsInDistanceOrder() {
        List<String> all = nearest(around(50)).json().getList("data.nearestSites.edges.node.id");
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> vars = around(50);
            vars.put("first", 2);
            if (after != null) {
                vars.put("after", after);
            }
            Result page = nearest(vars);
            assertFalse(page.hasErrors(), page::toString);
            paged.addAll(page.json().getList("data.nearestSites.edges.node.id"));
            after = page.<Boolean>data("nearestSites.pageInfo.hasNextPage") ? page.data("nearestSites.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(all, paged);
        assertEquals(7, all.size());
    }

    @Test
    void bd09PointsAreConvertedAndResultsComeBackInBd09() {
        Coordinates.LatLon bd = Coordinates.fromWgs84(CoordinateSystem.BD09, LAT, LON);
        Result result = nearest(new java.util.HashMap<>(Map.of("lat", bd.lat(), "lon", bd.lon(), "cs", "BD09", "r", 5)));
        assertFalse(result.hasErrors(), result::toString);
        List<Float> wgsDistances = nearest(around(5)).json().getList("data.nearestSites.edges.distanceKm");
        List<Float> bdDistances = result.json().getList("data.nearestSites.edges.distanceKm");
        assertEquals(wgsDistances.size(), bdDistances.size());
        for (int i = 0; i < wgsDistances.size(); i++) {
            assertEquals(wgsDistances.get(i), bdDistances.get(i), 0.005);
        }
        Coordinates.LatLon site1 = Coordinates.fromWgs84(CoordinateSystem.BD09, 34.9005, 112.5840);
        assertEquals("BD09", result.data("nearestSites.edges[0].location.coordinateSystem"));
        assertEquals(site1.lat(), result.<Float>data("nearestSites.edges[0].location.latitude"), 2e-5);
        assertEquals(site1.lon(), result.<Float>data("nearestSites.edges[0].location.longitude"), 2e-5);
    }

    @Test
    void gcj02PointsAreConvertedAndResultsComeBackInGcj02() {
        Coordinates.LatLon gcj = Coordinates.wgs84ToGcj02(LAT, LON);
        Map<String, Object> vars = new java.util.HashMap<>(Map.of("lat", gcj.lat(), "lon", gcj.lon(), "cs", "GCJ02", "r", 5));
        Result result = nearest(vars);
        assertFalse(result.hasErrors(), result::toString);
        List<Float> wgsDistances = nearest(around(5)).json().getList("data.nearestSites.edges.distanceKm");
        List<Float> gcjDistances = result.json().getList("data.nearestSites.edges.distanceKm");
        for (int i = 0; i < wgsDistances.size(); i++) {
            assertEquals(wgsDistances.get(i), gcjDistances.get(i), 0.0001);
        }
        Coordinates.LatLon site1 = Coordinates.wgs84ToGcj02(34.9005, 112.5840);
        assertEquals("GCJ02", result.data("nearestSites.edges[0].location.coordinateSystem"));
        assertEquals(site1.lat(), result.<Float>data("nearestSites.edges[0].location.latitude"), 2e-5);
        assertEquals(site1.lon(), result.<Float>data("nearestSites.edges[0].location.longitude"), 2e-5);
    }

    @Test
    void pointsOutsideChinaAndRadiiOver50KmAreValidationErrors() {
        Result paris = nearest(Map.of("lat", 48.85, "lon", 2.35, "r", 5));
        assertEquals("VALIDATION", paris.errorCode(), paris::toString);
        assertTrue(paris.errorMessage().startsWith("latitude"), paris::toString);
        assertNull(paris.data("nearestSites"));
        Result wide = nearest(around(50.5));
        assertEquals("VALIDATION", wide.errorCode(), wide::toString);
        assertTrue(wide.errorMessage().startsWith("radiusKm"), wide::toString);
        Result zero = nearest(around(0));
        assertEquals("VALIDATION", zero.errorCode(), zero::toString);
        Map<String, Object> badCursor = around(5);
        badCursor.put("after", "bm90LWEtY3Vyc29y");
        assertEquals("VALIDATION", nearest(badCursor).errorCode());
    }

    @Test
    void officialsAddSitesInTheirSubtreeFromGcj02CoordinatesAndEveryChangeIsAudited() {
        Coordinates.LatLon gcj = Coordinates.wgs84ToGcj02(34.8970, 112.5750);
        String create = "mutation($input: CreateServiceSiteInput!) { createServiceSite(input: $input) { id latitude longitude version status } }";
        Map<String, Object> input = new java.util.HashMap<>(Map.of("unionId", 4103061, "kind", "OUTDOOR_WORKER_STATION", "name", "河阳街道新驿站",
                "latitude", gcj.lat(), "longitude", gcj.lon(), "coordinateSystem", "GCJ02", "amenities", List.of("WATER", "REST"), "starRating", 3));
        Result created = GraphQLClient.post(Tokens.forDemoUser("heyang"), create, Map.of("input", input));
        assertFalse(created.hasErrors(), created::toString);
        assertEquals(34.8970, created.<Float>data("createServiceSite.latitude"), 2e-5);
        assertEquals(112.5750, created.<Float>data("createServiceSite.longitude"), 2e-5);
        Object id = created.data("createServiceSite.id");
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'createServiceSite'"));

        Result outside = GraphQLClient.post(Tokens.forDemoUser("kangle"), create, Map.of("input", input));
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
        Result member = GraphQLClient.post(Tokens.forDemoUser("worker"), create, Map.of("input", input));
        assertEquals("FORBIDDEN", member.errorCode(), member::toString);
        input.put("starRating", 6);
        Result badStars = GraphQLClient.post(Tokens.forDemoUser("heyang"), create, Map.of("input", input));
        assertEquals("VALIDATION", badStars.errorCode(), badStars::toString);

        String update = "mutation($input: UpdateServiceSiteInput!) { updateServiceSite(input: $input) { status version } }";
        Result closed = GraphQLClient.post(Tokens.forDemoUser("heyang"), update, Map.of("input", Map.of("id", id, "version", 0, "status", "CLOSED")));
        assertEquals("CLOSED", closed.data("updateServiceSite.status"), closed::toString);
        Result stale = GraphQLClient.post(Tokens.forDemoUser("heyang"), update, Map.of("input", Map.of("id", id, "version", 0, "name", "x")));
        assertEquals("CONFLICT", stale.errorCode(), stale::toString);
        Result list = GraphQLClient.post(Tokens.forDemoUser("heyang"), "{ serviceSites(filter: {status: CLOSED}) { edges { node { name } } } }");
        assertEquals(List.of("河阳街道旧驿站", "河阳街道新驿站"), list.json().getList("data.serviceSites.edges.node.name"), list::toString);
    }

    @Test
    void theRadiusSearchIsAnsweredFromTheIndexAt100000AnalyzedSitesWithoutPlannerOverrides() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("""
                    insert into service_site (union_id, kind, name, latitude, longitude, status)
                    select 410306, 'OUTDOOR_WORKER_STATION', '驿站 ' || i, 20 + (i % 317) * 0.1 + (i % 7) * 0.013, 100 + (i / 317) * 0.1 + (i % 11) * 0.007,
                           case when i % 10 = 0 then 'CLOSED' else 'OPEN' end
                      from generate_series(1, 100000) as i""");
            s.execute("analyze service_site");
            // the statement ServiceSite.findNearest sends, for 5 km around a point
            double dLat = Math.toDegrees(5 / Coordinates.EARTH_RADIUS_KM);
            double dLon = Math.toDegrees(5 / (Coordinates.EARTH_RADIUS_KM * Math.cos(Math.toRadians(30.5 + dLat))));
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("""
                    explain select id, distance_km from (
                      select s.id, 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(s.latitude - 30.5) / 2), 2)
                             + cos(radians(30.5)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - 110.2) / 2), 2)))) as distance_km
                        from service_site s
                       where s.status = 'OPEN' and s.location <@ box(point(%f, %f), point(%f, %f))) c
                     where distance_km <= 5 order by distance_km, id limit 21""".formatted(110.2 - dLon, 30.5 - dLat, 110.2 + dLon, 30.5 + dLat))) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            assertTrue(plan.toString().contains("service_site_location_idx"), plan::toString);
            assertFalse(plan.toString().contains("Seq Scan"), plan::toString);
        }
    }
}
