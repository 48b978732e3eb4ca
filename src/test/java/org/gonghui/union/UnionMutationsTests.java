package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


/** Changing the hierarchy: placement rules, field rules, versions, moves and dissolution. */
@QuarkusTestWithOidc
class UnionMutationsTests {

    static final String CREATE = "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id level kind status regionCode path: ancestors { id } parent { id descendantCount } } }";
    static final String UPDATE = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id name shortName kind status regionCode chairName version } }";
    static final String MOVE = "mutation($input: MoveUnionInput!) { moveUnion(input: $input) { id version ancestors { id } parent { id } } }";
    static final String DISSOLVE = "mutation($input: DissolveUnionInput!) { dissolveUnion(input: $input) { id status dissolvedOn dissolutionReason } }";

    static final String NATIONAL = Tokens.forDemoUser("quanzong");
    static final String LUOYANG = Tokens.forDemoUser("luoyang");
    static final String JILI = Tokens.forDemoUser("jili");

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    private static Map<String, Object> grassroots(long parentId) {
        Map<String, Object> input = new HashMap<>();
        input.put("parentId", parentId);
        input.put("level", "GRASSROOTS");
        input.put("kind", "ENTERPRISE");
        input.put("name", "洛阳吉利石化配送有限公司工会");
        input.put("formationMode", "STANDALONE");
        input.put("hostEmployerName", "洛阳吉利石化配送有限公司");
        input.put("hostEmployerCreditCode", "91410306MA44X1B2CC");
        input.put("establishedOn", "2024-05-01");
        return input;
    }

    private Result refused(String token, String mutation, Map<String, Object> input, String code, String fieldPrefix) {
        String before = DemoData.fingerprint(dataSource);
        Result result = GraphQLClient.post(token, mutation, Map.of("input", input));
        assertEquals(code, result.errorCode(), result::toString);
        if (fieldPrefix != null) {
            assertTrue(result.errorMessage().startsWith(fieldPrefix + ":"), result::toString);
        }
        assertEquals(before, DemoData.fingerprint(dataSource), "a refused mutation changed the database");
        return result;
    }

    @Test
    void createsAGrassrootsUnionAndCountsItInEveryAncestor() {
        Result result = GraphQLClient.post(JILI, CREATE, Map.of("input", grassroots(4103061)));
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("ACTIVE", result.data("createUnion.status"));
        assertEquals("4103061", result.data("createUnion.parent.id"));
        assertEquals(3, (int) result.data("createUnion.parent.descendantCount"));
        assertEquals(java.util.List.of("1", "41", "4103", "410306", "4103061"), result.json().getList("data.createUnion.path.id"));
        assertEquals(0, DemoData.inconsistentUnions(dataSource));
        assertEquals(63, DemoData.queryLong(dataSource, "select descendant_count from trade_union where id = 1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "grassroots under a city is allowed | 4103 | GRASSROOTS | ENTERPRISE | OK",
            "grassroots under a county is allowed | 410306 | GRASSROOTS | ENTERPRISE | OK",
            "township under a city is refused | 4103 | TOWNSHIP | TOWNSHIP_UNION | parentId",
            "county under a province is allowed | 41 | COUNTY | GENERAL_FEDERATION | OK",
            "city under a city is refused | 4103 | CITY | GENERAL_FEDERATION | parentId",
            "national union cannot be created | 1 | NATIONAL | GENERAL_FEDERATION | parentId",
            "kind must fit the level | 4103061 | GRASSROOTS | STREET_UNION | kind" })
    void placementFollowsTheAllowedParentLevels(String rule, long parentId, String level, String kind, String outcome) {
        Map<String, Object> input = grassroots(parentId);
        input.put("level", level);
        input.put("kind", kind);
        if (!"GRASSROOTS".equals(level)) {
            input.remove("formationMode");
            input.remove("hostEmployerName");
            input.remove("hostEmployerCreditCode");
        }
        if ("COUNTY".equals(level)) {
            input.put("regionCode", "419001");
        }
        if ("CITY".equals(level)) {
            input.put("regionCode", "410400");
        }
        if ("OK".equals(outcome)) {
            Result result = GraphQLClient.post(NATIONAL, CREATE, Map.of("input", input));
            assertFalse(result.hasErrors(), result::toString);
        } else {
            refused(NATIONAL, CREATE, input, "VALIDATION", outcome);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad credit code check character | hostEmployerCreditCode | 91410306MA44X1B2CD",
            "credit code with forbidden letter | hostEmployerCreditCode | 91410306MA44X1B2CI",
            "short credit code | hostEmployerCreditCode | 9141030",
            "blank name | name | '  '",
            "region code of another county | regionCode | 410326",
            "region code not six digits | regionCode | 41030",
            "future establishment date | establishedOn | 2999-01-01",
            "formation mode on a township | formationMode | STANDALONE" })
    void invalidFieldsAreRejectedNamingTheField(String rule, String field, String value) {
        Map<String, Object> input = grassroots(410306);
        input.put(field, value);
        if (rule.contains("township")) {
            input = new HashMap<>(Map.of("parentId", 410306, "level", "TOWNSHIP", "kind", "TOWNSHIP_UNION", "name", "新镇工会",
                    "formationMode", "STANDALONE"));
        }
        refused(JILI, CREATE, input, "VALIDATION", field);
    }

    @Test
    void enterpriseUnionNeedsItsHostEmployer() {
        Map<String, Object> input = grassroots(410306);
        input.remove("hostEmployerCreditCode");
        refused(JILI, CREATE, input, "VALIDATION", "hostEmployerCreditCode");
    }

    @Test
    void provinceCodeMustHaveTheProvinceShape() {
        refused(NATIONAL, CREATE, Map.of("parentId", 1, "level", "PROVINCIAL", "kind", "GENERAL_FEDERATION", "name", "某省总工会",
                "regionCode", "650100"), "VALIDATION", "regionCode");
        refused(NATIONAL, CREATE, Map.of("parentId", 1, "level", "PROVINCIAL", "kind", "GENERAL_FEDERATION", "name", "某省总工会"),
                "VALIDATION", "regionCode");
    }

    @Test
    void cannotCreateUnderADissolvedUnion() {
        DemoData.execute(dataSource, "update trade_union set status = 'DISSOLVED' where id = 41030612");
        DemoData.execute(dataSource, "update trade_union set status = 'DISSOLVED' where id = 41030621");
        DemoData.execute(dataSource, "update trade_union set status = 'DISSOLVED' where id = 4103062");
        refused(JILI, CREATE, grassroots(4103062), "VALIDATION", "parentId");
    }

    @Test
    void updateChangesDescriptiveFieldsAndBumpsTheVersion() {
        int version = DemoData.version(dataSource, 4103061);
        Result result = GraphQLClient.post(JILI, UPDATE, Map.of("input", Map.of("id", 4103061, "version", version,
                "chairName", "  李新  ", "shortName", "")));
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("李新", result.data("updateUnion.chairName"));
        assertNull(result.data("updateUnion.shortName"));
        assertEquals(version + 1, (int) result.data("updateUnion.version"));
    }

    @Test
    void staleVersionIsConflictAndChangesNothing() {
        int version = DemoData.version(dataSource, 4103061);
        refused(JILI, UPDATE, Map.of("id", 4103061, "version", version - 1, "chairName", "x"), "CONFLICT", "version");
    }

    @Test
    void officialsMayEditTheirOwnUnionsDescriptionButNotItsKindOrRegion() {
        int version = DemoData.version(dataSource, 410306);
        Result ok = GraphQLClient.post(JILI, UPDATE, Map.of("input", Map.of("id", 410306, "version", version, "name", "吉利区总工会（新）")));
        assertFalse(ok.hasErrors(), ok::toString);
        refused(JILI, UPDATE, Map.of("id", 410306, "version", version + 1, "regionCode", "410308"), "FORBIDDEN", "regionCode");
        refused(JILI, UPDATE, Map.of("id", 410306, "version", version + 1, "kind", "GENERAL_FEDERATION", "status", "PREPARING"),
                "FORBIDDEN", "status");
    }

    @Test
    void regionChangeMustKeepUnionsBelowInside() {
        int version = DemoData.version(dataSource, 410306);
        refused(LUOYANG, UPDATE, Map.of("id", 410306, "version", version, "regionCode", "410308"), "VALIDATION", "regionCode");
    }

    @Test
    void dissolutionIsNotSetThroughUpdate() {
        int version = DemoData.version(dataSource, 41030612);
        refused(JILI, UPDATE, Map.of("id", 41030612, "version", version, "status", "DISSOLVED"), "VALIDATION", "status");
    }

    @Test
    void moveRewritesTheWholeSubtreeAndKeepsCountsExact() {
        // 河阳街道 with its two enterprise unions moves from 吉利区 to 汝阳县 (region codes must follow: clear them first)
        DemoData.execute(dataSource, "update trade_union set region_code = null where id = 4103061");
        int version = DemoData.version(dataSource, 4103061);
        Result result = GraphQLClient.post(LUOYANG, MOVE, Map.of("input", Map.of("id", 4103061, "version", version, "newParentId", 410326)));
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("410326", result.data("moveUnion.parent.id"));
        assertEquals(version + 1, (int) result.data("moveUnion.version"));
        assertEquals("/1/41/4103/410326/4103061/41030611/",
                DemoData.queryString(dataSource, "select path from trade_union where id = 41030611"));
        assertEquals(0, DemoData.inconsistentUnions(dataSource));
        assertEquals(4, DemoData.queryLong(dataSource, "select descendant_count from trade_union where id = 410306"));
        assertEquals(5, DemoData.queryLong(dataSource, "select descendant_count from trade_union where id = 410326"));
        assertEquals("4103061 410306 410326", DemoData.queryString(dataSource,
                "select union_id || ' ' || from_parent_id || ' ' || to_parent_id from union_move"));
    }

    @Test
    void moveUnderItsOwnDescendantIsRefused() {
        int version = DemoData.version(dataSource, 410306);
        refused(LUOYANG, MOVE, Map.of("id", 410306, "version", version, "newParentId", 4103061), "VALIDATION", "newParentId");
    }

    @Test
    void moveUnderItselfIsRefused() {
        int version = DemoData.version(dataSource, 4103061);
        refused(LUOYANG, MOVE, Map.of("id", 4103061, "version", version, "newParentId", 4103061), "VALIDATION", "newParentId");
    }

    @Test
    void moveMustKeepRegionCodesInsideTheNewParentsArea() {
        int version = DemoData.version(dataSource, 4103061);
        refused(LUOYANG, MOVE, Map.of("id", 4103061, "version", version, "newParentId", 410326), "VALIDATION", "newParentId");
    }

    @Test
    void moveToAParentOfTheWrongLevelIsRefused() {
        int version = DemoData.version(dataSource, 4103061);
        refused(LUOYANG, MOVE, Map.of("id", 4103061, "version", version, "newParentId", 4103062), "VALIDATION", "newParentId");
    }

    @Test
    void moveWithAStaleVersionIsConflict() {
        int version = DemoData.version(dataSource, 41030612);
        refused(JILI, MOVE, Map.of("id", 41030612, "version", version + 5, "newParentId", 4103062), "CONFLICT", "version");
    }

    @Test
    void moveOutOfTheCallersSubtreeIsNotFound() {
        int version = DemoData.version(dataSource, 41030612);
        refused(JILI, MOVE, Map.of("id", 41030612, "version", version, "newParentId", 4103261), "NOT_FOUND", "newParentId");
    }

    @Test
    void dissolveIsRefusedWhileChildrenAreActive() {
        int version = DemoData.version(dataSource, 4103061);
        refused(JILI, DISSOLVE, Map.of("id", 4103061, "version", version, "reason", "街道撤并"), "CONFLICT", "id");
    }

    @Test
    void dissolveRecordsTheDateAndReason() {
        int version = DemoData.version(dataSource, 41030612);
        Result result = GraphQLClient.post(JILI, DISSOLVE, Map.of("input", Map.of("id", 41030612, "version", version, "reason", "企业注销")));
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("DISSOLVED", result.data("dissolveUnion.status"));
        assertEquals("企业注销", result.data("dissolveUnion.dissolutionReason"));
        refused(JILI, DISSOLVE, Map.of("id", 41030612, "version", version + 1, "reason", "again"), "CONFLICT", "id");
    }

    @Test
    void dissolveNeedsAReason() {
        int version = DemoData.version(dataSource, 41030612);
        refused(JILI, DISSOLVE, Map.of("id", 41030612, "version", version, "reason", " "), "VALIDATION", "reason");
    }
}
