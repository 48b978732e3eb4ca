package org.gonghui.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.member.IdNumber;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * regions, the public tree of administrative divisions, and the rule that new unions and applications
 * use current codes while unions keep the retired codes they hold; the update script R__regions.sql
 * adds, renames and retires without deleting.
 */
@QuarkusTestWithOidc
class RegionTests {

    static final String REGIONS = """
            query($parent: String, $retired: Boolean, $first: Int, $after: String) {
              regions(parentCode: $parent, includeRetired: $retired, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } edges { node { code name level parentCode retired } } } }""";

    static final String CREATE = "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id regionCode } }";
    static final String UPDATE = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id name regionCode version } }";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
        // the region rows as the migration left them
        DemoData.execute(dataSource, resource("db/migration/R__regions.sql"));
    }

    static Result regions(String parent, Boolean retired, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("parent", parent);
        variables.put("retired", retired);
        variables.put("first", first);
        variables.put("after", after);
        return GraphQLClient.post(null, REGIONS, variables);
    }

    static List<String> codes(Result result) {
        assertFalse(result.hasErrors(), result::toString);
        return result.json().getList("data.regions.edges.node.code", String.class);
    }

    private static String resource(String name) {
        try (InputStream in = RegionTests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutAParentAnyoneGetsTheThirtyOneProvincesInCodeOrder() {
        Result result = regions(null, null, 100, null);
        List<String> codes = codes(result);
        assertEquals(31, codes.size());
        assertEquals(31, (int) result.data("regions.totalCount"));
        assertEquals("110000", codes.get(0));
        assertEquals("650000", codes.get(30));
        assertEquals(codes.stream().sorted().toList(), codes);
        assertEquals(List.of("PROVINCE"), result.json().getList("data.regions.edges.node.level", String.class).stream().distinct().toList());
        assertTrue(result.json().getList("data.regions.edges.node.name", String.class).contains("河南省"));
    }

    @Test
    void aCityListsItsCurrentCountiesAndTheRetiredOnesOnlyWhenAsked() {
        List<String> current = codes(regions("410300", null, 100, null));
        assertTrue(current.containsAll(List.of("410302", "410307", "410308", "410311", "410329")), current::toString);
        assertFalse(current.contains("410306") || current.contains("410322") || current.contains("410381"), current::toString);

        Result all = regions("410300", true, 100, null);
        List<String> codes = codes(all);
        assertTrue(codes.containsAll(List.of("410306", "410322", "410381")), codes::toString);
        int jili = codes.indexOf("410306");
        assertEquals(Map.of("code", "410306", "name", "吉利区", "level", "COUNTY", "parentCode", "410300", "retired", true),
                all.data("regions.edges[" + jili + "].node"));
        assertEquals(current.size() + 3, (int) all.data("regions.totalCount"));
    }

    @Test
    void countiesOfMunicipalitiesAndProvinceAdministeredCitiesHangUnderTheProvince() {
        List<String> beijing = codes(regions("110000", null, 100, null));
        assertTrue(beijing.containsAll(List.of("110101", "110105", "110119")), beijing::toString);
        List<String> henan = codes(regions("410000", null, 100, null));
        assertTrue(henan.contains("410300") && henan.contains("419001"), henan::toString);
        assertEquals(List.of(), codes(regions("410308", null, 100, null)), "a county has nothing below it");
    }

    @Test
    void pagesOfRegionsFollowEachOther() {
        List<String> all = codes(regions("410000", null, 100, null));
        List<String> walked = new ArrayList<>();
        String after = null;
        Result page;
        do {
            page = regions("410000", null, 5, after);
            walked.addAll(codes(page));
            after = page.data("regions.pageInfo.endCursor");
        } while (page.<Boolean>data("regions.pageInfo.hasNextPage"));
        assertEquals(all, walked);
    }

    @Test
    void aMalformedParentCodeIsAValidationError() {
        for (String bad : List.of("41030", "4103000", "41O300", "")) {
            Result refused = regions(bad, null, null, null);
            assertEquals("VALIDATION", refused.errorCode(), refused::toString);
            assertTrue(refused.errorMessage().startsWith("parentCode"), refused::toString);
            assertNull(refused.data("regions"), refused::toString);
        }
    }

    @Test
    void aNewUnionMustUseACurrentCode() {
        Map<String, Object> county = new HashMap<>(Map.of("parentId", 4103, "level", "COUNTY", "kind", "GENERAL_FEDERATION", "name", "孟津区总工会（新）"));
        for (String code : List.of("410306", "410322", "410399")) {
            county.put("regionCode", code);
            String before = DemoData.fingerprint(dataSource);
            Result refused = GraphQLClient.post(Tokens.forDemoUser("luoyang"), CREATE, Map.of("input", county));
            assertEquals("VALIDATION", refused.errorCode(), refused::toString);
            assertTrue(refused.errorMessage().startsWith("regionCode"), refused::toString);
            assertEquals(before, DemoData.fingerprint(dataSource));
        }
        Result retired = GraphQLClient.post(Tokens.forDemoUser("luoyang"), CREATE, Map.of("input", Map.of("parentId", 4103, "level", "COUNTY",
                "kind", "GENERAL_FEDERATION", "name", "吉利区总工会（二）", "regionCode", "410306")));
        assertTrue(retired.errorMessage().contains("已撤销"), retired::toString);
        county.put("regionCode", "410308");
        Result created = GraphQLClient.post(Tokens.forDemoUser("luoyang"), CREATE, Map.of("input", county));
        assertFalse(created.hasErrors(), created::toString);
        assertEquals("410308", created.data("createUnion.regionCode"));
    }

    @Test
    void aUnionKeepsItsRetiredCodeThroughUpdatesThatDoNotTouchIt() {
        // 吉利区总工会 holds 410306, retired in 2021
        Result renamed = GraphQLClient.post(Tokens.forDemoUser("luoyang"), UPDATE,
                Map.of("input", Map.of("id", 410306, "version", DemoData.version(dataSource, 410306), "chairName", "陈新")));
        assertFalse(renamed.hasErrors(), renamed::toString);
        assertEquals("410306", renamed.data("updateUnion.regionCode"));
        Result same = GraphQLClient.post(Tokens.forDemoUser("luoyang"), UPDATE,
                Map.of("input", Map.of("id", 410306, "version", DemoData.version(dataSource, 410306), "regionCode", "410306", "name", "吉利区总工会")));
        assertFalse(same.hasErrors(), same::toString);
        // the community union below it, with its own 410306, publishes its card
        Result card = GraphQLClient.post(Tokens.forDemoUser("kangle"), UPDATE,
                Map.of("input", Map.of("id", 41030621, "version", DemoData.version(dataSource, 41030621), "address", "康乐路 9 号")));
        assertFalse(card.hasErrors(), card::toString);
        assertEquals("410306", card.data("updateUnion.regionCode"));
    }

    @Test
    void changingAUnionsCodeToARetiredOneIsRefused() {
        String before = DemoData.fingerprint(dataSource);
        Result refused = GraphQLClient.post(Tokens.forDemoUser("luoyang"), UPDATE,
                Map.of("input", Map.of("id", 410326, "version", DemoData.version(dataSource, 410326), "regionCode", "410322")));
        assertEquals("VALIDATION", refused.errorCode(), refused::toString);
        assertTrue(refused.errorMessage().startsWith("regionCode") && refused.errorMessage().contains("已撤销"), refused::toString);
        assertEquals(before, DemoData.fingerprint(dataSource));
    }

    @Test
    void anApplicationByAreaMustNameACurrentCode() {
        String apply = "mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id unionId } }";
        Map<String, Object> input = new HashMap<>(Map.of("name", "郭晓东", "idNumber", "41032619880808123" + IdNumber.checkCharacter("41032619880808123"), "phone", "13912345678",
                "keyGroups", List.of("COURIER")));
        for (String code : List.of("410306", "410399")) {
            input.put("regionCode", code);
            String before = DemoData.fingerprint(dataSource);
            Result refused = GraphQLClient.post(Tokens.forDemoUser("worker"), apply, Map.of("input", input));
            assertEquals("VALIDATION", refused.errorCode(), refused::toString);
            assertTrue(refused.errorMessage().startsWith("regionCode"), refused::toString);
            assertEquals(before, DemoData.fingerprint(dataSource));
        }
        input.put("regionCode", "410326");
        Result applied = GraphQLClient.post(Tokens.forDemoUser("worker"), apply, Map.of("input", input));
        assertFalse(applied.hasErrors(), applied::toString);
        assertEquals("41032611", String.valueOf(applied.<Object>data("applyForMembership.unionId")));
    }

    @Test
    void theUpdateScriptAddsRenamesAndRetiresButNeverDeletes() {
        long rows = DemoData.queryLong(dataSource, "select count(*) from region");
        // as an older load would have left it: a code the dataset no longer has, a stale name, a missing new code
        DemoData.execute(dataSource, "insert into region (code, name, level, parent_code) values ('410399', '旧区', 'COUNTY', '410300')");
        DemoData.execute(dataSource, "update region set name = '孟津县' where code = '410308'");
        DemoData.execute(dataSource, "delete from region where code = '659012'");
        DemoData.execute(dataSource, "update trade_union set region_code = '410399' where id = 410329");

        DemoData.execute(dataSource, resource("db/migration/R__regions.sql"));

        assertEquals("true", DemoData.queryString(dataSource, "select retired::text from region where code = '410399'"));
        assertEquals("旧区", DemoData.queryString(dataSource, "select name from region where code = '410399'"));
        assertEquals("孟津区", DemoData.queryString(dataSource, "select name from region where code = '410308'"));
        assertEquals("false", DemoData.queryString(dataSource, "select retired::text from region where code = '659012'"));
        assertEquals(rows + 1, DemoData.queryLong(dataSource, "select count(*) from region"));
        // running it again changes nothing
        String snapshot = DemoData.queryString(dataSource, "select md5(string_agg(r::text, '|' order by code)) from region r");
        DemoData.execute(dataSource, resource("db/migration/R__regions.sql"));
        assertEquals(snapshot, DemoData.queryString(dataSource, "select md5(string_agg(r::text, '|' order by code)) from region r"));
        // the union holding the now retired code still updates its other fields
        Result update = GraphQLClient.post(Tokens.forDemoUser("luoyang"), UPDATE,
                Map.of("input", Map.of("id", 410329, "version", DemoData.version(dataSource, 410329), "chairName", "李明")));
        assertFalse(update.hasErrors(), update::toString);
        DemoData.execute(dataSource, "delete from region where code = '410399'");
    }
}
