package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.geo.CoordinateSystem;
import org.gonghui.geo.Coordinates;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * findUnions, the public union directory: which unions it lists, what a card shows, its filters, the
 * search around a point in either coordinate system, paging and its input rules. Demo cards are in
 * db/demo/R__demo_union_cards.sql.
 */
@QuarkusTestWithOidc
class FindUnionsTests {

    static final String FIND = """
            query($filter: FindUnionsFilter, $first: Int, $after: String) {
              findUnions(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor distanceKm node { id name kind hostEmployerName address officePhone
                  openingHours { dayOfWeek opens closes } region { code name level retired } above { id name level }
                  location { latitude longitude coordinateSystem } wgs: location(coordinateSystem: WGS84) { latitude longitude } } } } }""";

    // a rider on 吉利大道, WGS-84
    static final double LAT = 34.8990;
    static final double LON = 112.5800;

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result find(Map<String, Object> filter, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", first);
        variables.put("after", after);
        return GraphQLClient.post(null, FIND, variables);
    }

    /** JSON numbers as doubles (JsonPath's default is float, too coarse for coordinates). */
    static JsonPath doubles(Result result) {
        return new JsonPath(result.body()).using(new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static double number(Result result, String path) {
        return ((Number) doubles(result).get("data." + path)).doubleValue();
    }

    static List<Double> numbers(Result result, String path) {
        return doubles(result).getList("data." + path, Double.class);
    }

    static List<String> ids(Result result) {
        assertFalse(result.hasErrors(), result::toString);
        return result.json().getList("data.findUnions.edges.node.id", String.class);
    }

    static Map<String, Object> near(double lat, double lon, String system, double radiusKm) {
        Map<String, Object> near = new HashMap<>(Map.of("latitude", lat, "longitude", lon, "radiusKm", radiusKm));
        if (system != null) {
            near.put("coordinateSystem", system);
        }
        return Map.of("near", near);
    }

    /** The ACTIVE grassroots unions of the five kinds, straight from the table. */
    List<String> publicUnionIdsInTheTable() {
        return List.of(DemoData.queryString(dataSource, """
                select string_agg(id::text, ',' order by id) from trade_union
                 where status = 'ACTIVE' and level = 'GRASSROOTS' and kind in ('ENTERPRISE', 'PLATFORM', 'JOINT', 'COMMUNITY', 'INDUSTRY_FEDERATION')""")
                .split(","));
    }

    @Test
    void anyoneFindsTheActiveGrassrootsUnionsThatTakeApplicationsInIdOrder() {
        Result result = find(null, 100, null);
        List<String> ids = ids(result);
        assertEquals(publicUnionIdsInTheTable(), ids);
        assertEquals(ids.size(), (int) result.data("findUnions.totalCount"));
        assertTrue(ids.containsAll(List.of("41030611", "41030612", "41030621", "41030601", "22088211")), ids::toString);
        // a platform company's union is its riders' employer's union: listed (美团外卖通榆站点工会); township, county and national unions are not
        assertTrue(ids.contains("22082202"), ids::toString);
        assertFalse(ids.contains("4103061") || ids.contains("410306") || ids.contains("1"), ids::toString);
        // officials and members see the same directory
        Result asOfficial = GraphQLClient.post(Tokens.forDemoUser("jili"), FIND, Map.of("first", 100));
        assertEquals(ids, ids(asOfficial));
        Result asMember = GraphQLClient.post(Tokens.forDemoUser("worker"), FIND, Map.of("first", 100));
        assertEquals(ids, ids(asMember));
    }

    @Test
    void aCardShowsWhereTheUnionIsAndHowToReachItWithTheUnionsAboveAndItsRegion() {
        Result result = find(Map.of("nameContains", "河阳保安"), null, null);
        assertEquals(List.of("41030611"), ids(result));
        Map<String, Object> card = result.data("findUnions.edges[0].node");
        assertEquals("洛阳河阳保安服务有限公司工会", card.get("name"));
        assertEquals("ENTERPRISE", card.get("kind"));
        assertEquals("洛阳河阳保安服务有限公司", card.get("hostEmployerName"));
        assertEquals("吉利区河阳路 20 号 3 楼", card.get("address"));
        assertEquals("0379-69881211", card.get("officePhone"));
        assertEquals(List.of("MONDAY", "MONDAY", "TUESDAY"), result.json().getList("data.findUnions.edges[0].node.openingHours.dayOfWeek").subList(0, 3));
        assertEquals(List.of("08:00", "14:00"), result.json().getList("data.findUnions.edges[0].node.openingHours.opens").subList(0, 2));
        assertEquals(List.of("中华全国总工会", "河南省总工会", "洛阳市总工会", "吉利区总工会", "吉利区河阳街道工会"),
                result.json().getList("data.findUnions.edges[0].node.above.name"));
        // the union has no code of its own: the street union's 410306 (吉利区, merged into 孟津区 in 2021: retired, still named)
        assertEquals(Map.of("code", "410306", "name", "吉利区", "level", "COUNTY", "retired", true), card.get("region"));
        // without a point, locations come in WGS-84, as stored
        assertEquals("WGS84", result.data("findUnions.edges[0].node.location.coordinateSystem"));
        assertEquals(34.8957, number(result, "findUnions.edges[0].node.location.latitude"), 1e-9);
        assertNull(result.data("findUnions.edges[0].distanceKm"));
    }

    @Test
    void theCardTypeSaysNothingAboutOfficialsOrMembers() {
        Result schema = GraphQLClient.post(null, "{ __type(name: \"UnionCard\") { fields { name } } }");
        List<String> fields = schema.json().getList("data.__type.fields.name", String.class);
        assertEquals(List.of("above", "address", "hostEmployerName", "id", "kind", "location", "name", "officePhone", "openingHours", "region",
                "shortName"), fields.stream().sorted().toList());
    }

    @Test
    void anUnpublishedOfficePhoneNeverAppearsUntilTheUnionsOfficialsPublishIt() {
        Result hidden = find(Map.of("employerName", "顺达"), null, null);
        assertEquals(List.of("41030612"), ids(hidden));
        assertNull(hidden.data("findUnions.edges[0].node.officePhone"));
        assertFalse(hidden.body().contains("69881212"), hidden::toString);

        String update = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id officePhone publishOfficePhone version } }";
        Result published = GraphQLClient.post(Tokens.forDemoUser("shunda"), update,
                Map.of("input", Map.of("id", 41030612, "version", DemoData.version(dataSource, 41030612), "publishOfficePhone", true)));
        assertFalse(published.hasErrors(), published::toString);
        assertEquals(true, published.data("updateUnion.publishOfficePhone"));
        assertEquals("0379-69881212", find(Map.of("employerName", "顺达"), null, null).data("findUnions.edges[0].node.officePhone"));

        Result withdrawn = GraphQLClient.post(Tokens.forDemoUser("shunda"), update,
                Map.of("input", Map.of("id", 41030612, "version", DemoData.version(dataSource, 41030612), "publishOfficePhone", false)));
        assertFalse(withdrawn.hasErrors(), withdrawn::toString);
        assertNull(find(Map.of("employerName", "顺达"), null, null).data("findUnions.edges[0].node.officePhone"));
    }

    @Test
    void unionsThatAreNotActiveOrDoNotTakeApplicationsAreNotListed() {
        DemoData.execute(dataSource, "update trade_union set status = 'PREPARING' where id = 41030602");
        DemoData.execute(dataSource, "update trade_union set status = 'DISSOLVED' where id = 41030621");
        DemoData.execute(dataSource, "update trade_union set kind = 'PUBLIC_INSTITUTION' where id = 41030601");
        List<String> ids = ids(find(null, 100, null));
        assertFalse(ids.contains("41030602") || ids.contains("41030621") || ids.contains("41030601"), ids::toString);
        assertTrue(ids.contains("41030611"), ids::toString);
        Result township = find(Map.of("kinds", List.of("STREET_UNION")), null, null);
        assertEquals("VALIDATION", township.errorCode(), township::toString);
        assertTrue(township.errorMessage().startsWith("filter.kinds"), township::toString);
        assertNull(township.data("findUnions"));
    }

    @Test
    void aRiderFindsThePlatformCompanysUnionByItsEmployerAndKind() {
        List<String> byKind = ids(find(Map.of("kinds", List.of("PLATFORM")), null, null));
        assertEquals(List.of("22082202"), byKind, "美团外卖通榆站点工会, the only demo PLATFORM union");
        Result byEmployer = find(Map.of("employerName", "众达配送"), null, null);
        assertEquals(List.of("22082202"), ids(byEmployer));
        assertEquals("PLATFORM", byEmployer.data("findUnions.edges[0].node.kind"));
        DemoData.execute(dataSource, "update trade_union set status = 'PREPARING' where id = 22082202");
        assertEquals(List.of(), ids(find(Map.of("kinds", List.of("PLATFORM")), null, null)), "only ACTIVE ones, as for every kind");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a name fragment of two characters | nameContains | 保安 | 41030611",
            "a name fragment of one character | nameContains | 芷 | 43122801",
            "a longer name fragment | nameContains | 社区工会 | 41030621 43018111 41032611",
            "an employer | employerName | 佳源物业 | 22080212",
            "a county code held by the union itself | regionCode | 220882 | 22088211",
            "a retired county code, held by the unions above | regionCode | 410306 | 41030601 41030602 41030611 41030612 41030621",
            "a city code covers its counties | regionCode | 410300 | 41030601 41030602 41030611 41030612 41030621 41032611",
            "a province code covers the province | regionCode | 220000 | 22080211 22080212 22080213 22082201 22082202 22088211",
            "a code with no union | regionCode | 110101 | ''" })
    void filtersNarrowTheDirectory(String rule, String field, String value, String expected) {
        List<String> ids = ids(find(Map.of(field, value), 100, null));
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertEquals(new HashSet<>(want), new HashSet<>(ids), rule);
        assertEquals(want.size(), ids.size(), rule);
    }

    @Test
    void conditionsCombine() {
        Map<String, Object> filter = Map.of("regionCode", "410000", "kinds", List.of("COMMUNITY"), "nameContains", "社区");
        assertEquals(List.of("41030621", "41032611"), ids(find(filter, null, null)));
    }

    @Test
    void aroundAPointTheUnionsWithinTheRadiusComeNearestFirstWithGreatCircleDistances() {
        Result result = find(near(LAT, LON, null, 5), 50, null);
        List<String> ids = ids(result);
        assertTrue(ids.containsAll(List.of("41030611", "41030612", "41030621", "41030601", "41030602")), ids::toString);
        assertFalse(ids.contains("41032611"), "汝阳 is 80 km away: " + ids);
        List<Double> distances = numbers(result, "findUnions.edges.distanceKm");
        List<Double> sorted = new ArrayList<>(distances);
        sorted.sort(null);
        assertEquals(sorted, distances);
        for (int i = 0; i < ids.size(); i++) {
            double lat = Double.parseDouble(DemoData.queryString(dataSource, "select latitude::text from trade_union where id = " + ids.get(i)));
            double lon = Double.parseDouble(DemoData.queryString(dataSource, "select longitude::text from trade_union where id = " + ids.get(i)));
            assertEquals(Coordinates.distanceKm(LAT, LON, lat, lon), distances.get(i), 1e-6, ids.get(i));
            assertTrue(distances.get(i) <= 5, ids::toString);
        }
        assertEquals(ids.size(), (int) result.data("findUnions.totalCount"));
        // a smaller radius keeps only the nearest
        List<String> within = ids(find(near(LAT, LON, null, 0.5), 50, null));
        assertEquals(ids.subList(0, within.size()), within);
        assertTrue(within.size() < ids.size(), within::toString);
    }

    @Test
    void aPointInBd09FromBaiduMapsFindsTheSameUnionsAndGetsLocationsInBd09() {
        Coordinates.LatLon bd = Coordinates.fromWgs84(CoordinateSystem.BD09, LAT, LON);
        Result wgsResult = find(near(LAT, LON, "WGS84", 5), 50, null);
        Result bdResult = find(near(bd.lat(), bd.lon(), "BD09", 5), 50, null);
        assertEquals(ids(wgsResult), ids(bdResult));
        List<Double> wgsDistances = numbers(wgsResult, "findUnions.edges.distanceKm");
        List<Double> bdDistances = numbers(bdResult, "findUnions.edges.distanceKm");
        for (int i = 0; i < wgsDistances.size(); i++) {
            assertEquals(wgsDistances.get(i), bdDistances.get(i), 0.005, "within a few metres");
        }
        assertEquals("BD09", bdResult.data("findUnions.edges[0].node.location.coordinateSystem"));
        Coordinates.LatLon expected = Coordinates.fromWgs84(CoordinateSystem.BD09, number(wgsResult, "findUnions.edges[0].node.location.latitude"),
                number(wgsResult, "findUnions.edges[0].node.location.longitude"));
        assertEquals(expected.lat(), number(bdResult, "findUnions.edges[0].node.location.latitude"), 1e-9);
        assertEquals(expected.lon(), number(bdResult, "findUnions.edges[0].node.location.longitude"), 1e-9);
    }

    @Test
    void aPointInGcj02FindsTheSameUnionsAndGetsLocationsInGcj02() {
        Coordinates.LatLon gcj = Coordinates.wgs84ToGcj02(LAT, LON);
        Result wgsResult = find(near(LAT, LON, "WGS84", 5), 50, null);
        Result gcjResult = find(near(gcj.lat(), gcj.lon(), "GCJ02", 5), 50, null);
        assertEquals(ids(wgsResult), ids(gcjResult));
        List<Double> wgsDistances = numbers(wgsResult, "findUnions.edges.distanceKm");
        List<Double> gcjDistances = numbers(gcjResult, "findUnions.edges.distanceKm");
        for (int i = 0; i < wgsDistances.size(); i++) {
            assertEquals(wgsDistances.get(i), gcjDistances.get(i), 1e-3);
        }
        assertEquals("GCJ02", gcjResult.data("findUnions.edges[0].node.location.coordinateSystem"));
        double storedLat = number(wgsResult, "findUnions.edges[0].node.location.latitude");
        double storedLon = number(wgsResult, "findUnions.edges[0].node.location.longitude");
        Coordinates.LatLon expected = Coordinates.wgs84ToGcj02(storedLat, storedLon);
        assertEquals(expected.lat(), number(gcjResult, "findUnions.edges[0].node.location.latitude"), 1e-9);
        assertEquals(expected.lon(), number(gcjResult, "findUnions.edges[0].node.location.longitude"), 1e-9);
        // asked for explicitly, WGS-84 stays available
        assertEquals(storedLat, number(gcjResult, "findUnions.edges[0].node.wgs.latitude"), 1e-9);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsInBothOrders() {
        for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of(), near(LAT, LON, null, 50))) {
            List<String> all = ids(find(filter, 100, null));
            List<String> walked = new ArrayList<>();
            String after = null;
            Result page;
            do {
                page = find(filter, 2, after);
                walked.addAll(ids(page));
                after = page.data("findUnions.pageInfo.endCursor");
            } while (page.<Boolean>data("findUnions.pageInfo.hasNextPage"));
            assertEquals(all, walked, filter::toString);
            assertTrue(all.size() > 2, all::toString);
        }
    }

    @Test
    void aCursorOfTheOtherOrderIsRefused() {
        String nearCursor = find(near(LAT, LON, null, 50), 1, null).data("findUnions.pageInfo.endCursor");
        Result refused = find(Map.of(), 1, nearCursor);
        assertEquals("VALIDATION", refused.errorCode(), refused::toString);
        assertTrue(refused.errorMessage().startsWith("after"), refused::toString);
        String idCursor = find(Map.of(), 1, null).data("findUnions.pageInfo.endCursor");
        Result refusedNear = find(near(LAT, LON, null, 50), 1, idCursor);
        assertEquals("VALIDATION", refusedNear.errorCode(), refusedNear::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "radius over 50 km | filter.near.radiusKm | 34.9 | 112.58 | 51",
            "radius of 0 | filter.near.radiusKm | 34.9 | 112.58 | 0",
            "negative radius | filter.near.radiusKm | 34.9 | 112.58 | -1",
            "latitude outside China | filter.near.latitude | 60.0 | 112.58 | 5",
            "longitude outside China | filter.near.latitude | 34.9 | 10.0 | 5" })
    void outOfRangeSearchCirclesAreValidationErrors(String rule, String field, double lat, double lon, double radius) {
        Result refused = find(near(lat, lon, null, radius), null, null);
        assertEquals("VALIDATION", refused.errorCode(), rule + ": " + refused);
        assertTrue(refused.errorMessage().startsWith(field), refused::toString);
        assertNull(refused.data("findUnions"), refused::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "region code of five digits | regionCode | 41030 | filter.regionCode",
            "region code with letters | regionCode | 4103OO | filter.regionCode",
            "zero-width characters only | nameContains | '\u200b\u200b' | filter.nameContains",
            "a control character | nameContains | 保\u0007安 | filter.nameContains",
            "a bidirectional control | employerName | 顺\u202e达 | filter.employerName" })
    void malformedFilterTextIsAValidationError(String rule, String field, String value, String path) {
        Result refused = find(Map.of(field, value), null, null);
        assertEquals("VALIDATION", refused.errorCode(), rule + ": " + refused);
        assertTrue(refused.errorMessage().startsWith(path), refused::toString);
        if (!value.isBlank()) {
            assertFalse(refused.errorMessage().contains(value.strip()), "the value is not echoed: " + refused);
        }
    }

    @Test
    void overLongTextAndPageSizesOutOfRangeAreRefused() {
        Result longName = find(Map.of("nameContains", "工".repeat(101)), null, null);
        assertEquals("VALIDATION", longName.errorCode(), longName::toString);
        assertTrue(longName.errorMessage().startsWith("filter.nameContains"), longName::toString);
        Result longEmployer = find(Map.of("employerName", "工".repeat(201)), null, null);
        assertEquals("VALIDATION", longEmployer.errorCode(), longEmployer::toString);
        Result negative = find(null, -1, null);
        assertEquals("VALIDATION", negative.errorCode(), negative::toString);
        assertTrue(negative.errorMessage().startsWith("first"), negative::toString);
        Result tooMany = find(null, 101, null);
        assertEquals("LIMIT_EXCEEDED", tooMany.errorCode(), tooMany::toString);
    }

    @Test
    void officialsSetTheCardThroughUpdateUnionAndBadValuesAreRefused() {
        String update = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id address officePhone "
                + "openingHours { dayOfWeek opens closes } location(coordinateSystem: GCJ02) { latitude longitude coordinateSystem } } }";
        Coordinates.LatLon gcj = Coordinates.wgs84ToGcj02(34.9, 112.59);
        Map<String, Object> input = new HashMap<>(Map.of("id", 41030612, "version", DemoData.version(dataSource, 41030612),
                "address", "  吉利区中原路 110 号  ", "officePhone", "0379-65512351",
                "openingHours", List.of(Map.of("dayOfWeek", "SATURDAY", "opens", "09:00", "closes", "12:00"),
                        Map.of("dayOfWeek", "MONDAY", "opens", "14:00", "closes", "18:00"), Map.of("dayOfWeek", "MONDAY", "opens", "08:00", "closes", "12:00")),
                "latitude", gcj.lat(), "longitude", gcj.lon(), "coordinateSystem", "GCJ02"));
        Result ok = GraphQLClient.post(Tokens.forDemoUser("shunda"), update, Map.of("input", input));
        assertFalse(ok.hasErrors(), ok::toString);
        assertEquals("吉利区中原路 110 号", ok.data("updateUnion.address"));
        assertEquals(List.of("MONDAY", "MONDAY", "SATURDAY"), ok.json().getList("data.updateUnion.openingHours.dayOfWeek"));
        assertEquals(List.of("08:00", "14:00", "09:00"), ok.json().getList("data.updateUnion.openingHours.opens"));
        assertEquals(gcj.lat(), number(ok, "updateUnion.location.latitude"), 1e-7);
        assertEquals(34.9, Double.parseDouble(DemoData.queryString(dataSource, "select latitude::text from trade_union where id = 41030612")), 1e-7);
        assertNotNull(DemoData.queryString(dataSource,
                "select 1 from audit_event where operation = 'updateUnion' and target_id = 41030612 and changes::text like '%65512351%'"));

        List<Object[]> bad = List.of(
                new Object[] { "officePhone", "call me", "officePhone" },
                new Object[] { "address", "地".repeat(301), "address" },
                new Object[] { "openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "8:00", "closes", "12:00")), "openingHours[0].opens" },
                new Object[] { "openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "12:00", "closes", "12:00")), "openingHours[0].closes" },
                new Object[] { "openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "08:00", "closes", "24:01")), "openingHours[0].closes" },
                new Object[] { "openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "08:00", "closes", "12:00"),
                        Map.of("dayOfWeek", "MONDAY", "opens", "11:00", "closes", "13:00")), "openingHours" },
                new Object[] { "latitude", 80.0, "latitude" });
        for (Object[] b : bad) {
            Map<String, Object> wrong = new HashMap<>(Map.of("id", 41030612, "version", DemoData.version(dataSource, 41030612), (String) b[0], b[1]));
            if ("latitude".equals(b[0])) {
                wrong.put("longitude", 112.0);
            }
            String before = DemoData.fingerprint(dataSource);
            Result refused = GraphQLClient.post(Tokens.forDemoUser("shunda"), update, Map.of("input", wrong));
            assertEquals("VALIDATION", refused.errorCode(), refused::toString);
            assertTrue(refused.errorMessage().startsWith((String) b[2]), refused::toString);
            assertEquals(before, DemoData.fingerprint(dataSource), "nothing changed: " + refused);
        }
    }

    @Test
    void aUnionCreatedWithItsCardIsListedWithItAtOnceAndBadCardValuesAreRefusedAtCreationAsOnUpdate() {
        String create = "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id address officePhone publishOfficePhone "
                + "openingHours { dayOfWeek opens closes } location { latitude longitude } } }";
        Coordinates.LatLon bd = Coordinates.fromWgs84(CoordinateSystem.BD09, 34.905, 112.585);
        Map<String, Object> input = new HashMap<>(Map.of("parentId", 4103061, "level", "GRASSROOTS", "kind", "ENTERPRISE",
                "name", "洛阳吉利石化配送有限公司工会", "formationMode", "STANDALONE", "hostEmployerName", "洛阳吉利石化配送有限公司",
                "hostEmployerCreditCode", "91410306MA44X1B2CC"));
        input.putAll(Map.of("address", " 吉利区石化路 8 号 ", "officePhone", "0379-66990001", "publishOfficePhone", true,
                "openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "08:30", "closes", "17:30")),
                "latitude", bd.lat(), "longitude", bd.lon(), "coordinateSystem", "BD09"));
        for (Object[] b : List.of(
                new Object[] { "officePhone", "call me", "officePhone" },
                new Object[] { "address", "地".repeat(301), "address" },
                new Object[] { "openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "12:00", "closes", "12:00")), "openingHours[0].closes" },
                new Object[] { "latitude", 80.0, "latitude" },
                new Object[] { "longitude", null, "latitude" })) {
            Map<String, Object> wrong = new HashMap<>(input);
            wrong.put((String) b[0], b[1]);
            String before = DemoData.fingerprint(dataSource);
            Result refused = GraphQLClient.post(Tokens.forDemoUser("jili"), create, Map.of("input", wrong));
            assertEquals("VALIDATION", refused.errorCode(), refused::toString);
            assertTrue(refused.errorMessage().startsWith((String) b[2]), refused::toString);
            assertEquals(before, DemoData.fingerprint(dataSource), "nothing created: " + refused);
        }

        Result created = GraphQLClient.post(Tokens.forDemoUser("jili"), create, Map.of("input", input));
        assertFalse(created.hasErrors(), created::toString);
        assertEquals("吉利区石化路 8 号", created.data("createUnion.address"));
        assertEquals(true, created.data("createUnion.publishOfficePhone"));
        assertEquals(34.905, number(created, "createUnion.location.latitude"), 1e-5);
        assertEquals(112.585, number(created, "createUnion.location.longitude"), 1e-5);
        Result found = find(Map.of("employerName", "石化配送"), null, null);
        assertFalse(found.hasErrors(), found::toString);
        assertEquals(List.of(String.valueOf(created.<Object>data("createUnion.id"))), ids(found));
        assertEquals("0379-66990001", found.data("findUnions.edges[0].node.officePhone"), "published at creation");
        assertEquals(List.of("08:30"), found.json().getList("data.findUnions.edges[0].node.openingHours.opens"));
        assertNotNull(DemoData.queryString(dataSource,
                "select 1 from audit_event where operation = 'createUnion' and changes::text like '%66990001%' and changes::text like '%石化路%'"));
    }
}
