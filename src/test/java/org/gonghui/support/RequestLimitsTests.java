package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonReader;

import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;

import graphql.introspection.IntrospectionQuery;


/** Abusive documents are refused with 400 LIMIT_EXCEEDED before anything runs; ordinary ones pass. */
@QuarkusTestWithOidc
class RequestLimitsTests {

    static final String TOKEN = Tokens.forDemoUser("quanzong");

    private static void assertLimit(Result result, String limit) {
        assertEquals(400, result.status(), result::toString);
        assertEquals("LIMIT_EXCEEDED", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith(limit + ":"), result::toString);
        assertFalse(result.body().contains("\"data\""), result::toString);
    }

    @Test
    void deeplyNestedQueryIsRefused() {
        // union > children > edges > node repeated: 13 levels of fields
        String query = "{ union(id: 1) { children { edges { node { children { edges { node { children { edges { node {"
                + " children { edges { node { id } } } } } } } } } } } } } }";
        assertLimit(GraphQLClient.post(TOKEN, query), "depth");
    }

    @Test
    void queryThatMultipliesLargePagesIsRefused() {
        String query = "{ unions(first: 100) { edges { node { children(first: 100) { edges { node { id name } } } } } } }";
        assertLimit(GraphQLClient.post(TOKEN, query), "complexity");
    }

    @Test
    void pageSizesInVariablesCountToo() {
        String query = "query($n: Int) { unions(first: $n) { edges { node { children(first: $n) { edges { node { id name } } } } } } }";
        assertLimit(GraphQLClient.post(TOKEN, query, Map.of("n", 100)), "complexity");
        Result small = GraphQLClient.post(TOKEN, query, Map.of("n", 5));
        assertEquals(200, small.status(), small::toString);
        assertFalse(small.hasErrors(), small::toString);
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            query.append(" a").append(i).append(": me { tier }");
        }
        assertLimit(GraphQLClient.post(TOKEN, query.append(" }").toString()), "aliases");
    }

    @Test
    void tooManyOperationsInOneDocumentAreRefused() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            query.append("query q").append(i).append(" { me { tier } } ");
        }
        assertLimit(GraphQLClient.post(TOKEN, query.toString()), "operations");
    }

    @Test
    void oversizedDocumentIsRefusedByTheParser() {
        String query = "{ me { tier } }" + " ".repeat(10) + "#" + "x".repeat(20_000);
        assertLimit(GraphQLClient.post(TOKEN, query), "document");
    }

    @Test
    void recursiveFragmentsDoNotHangTheCheck() {
        Result result = GraphQLClient.post(TOKEN, "{ union(id: 1) { ...a } } fragment a on Union { children { edges { node { ...a } } } }");
        assertEquals(400, result.status(), result::toString);
    }

    @Test
    void schemaToolsIntrospectionPassesOutsideProduction() {
        Result result = GraphQLClient.post(TOKEN, IntrospectionQuery.INTROSPECTION_QUERY);
        assertEquals(200, result.status(), () -> result.body().substring(0, 300));
        assertFalse(result.hasErrors());
    }

    @Test
    void theBenchmarkQueriesStayWithinTheLimits() {
        Result q2 = GraphQLClient.post(TOKEN, """
                { unions(filter: {under: 1}, first: 50) { edges { node { id name level parent { name }
                  children(first: 5) { edges { node { name } } } descendantCount } } } }""");
        assertEquals(200, q2.status(), q2::toString);
        assertFalse(q2.hasErrors(), q2::toString);
    }

    static final String HENAN = Tokens.forDemoUser("henan");

    @Test
    void fortyLevelFragmentChainIsRefusedQuickly() {
        long start = System.nanoTime();
        Result result = GraphQLClient.post(null, DocumentLimitsTest.fragmentChain(40, "me { tier }"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertLimit(result, "complexity");
        assertTrue(millis < 2_000, () -> "took " + millis + " ms");
    }

    @Test
    void thirtyAliasedMemberSearchCountsAreRefusedBeforeExecution() {
        Result result = GraphQLClient.post(TOKEN, DocumentLimitsTest.aliased(30, "members(first: 1, filter: {nameContains: \"工\"}) { totalCount }"));
        assertLimit(result, "heavy");
    }

    @Test
    void twoMemberNameSearchesInOneDocumentAreRefusedBeforeExecution() {
        Result result = GraphQLClient.post(TOKEN, DocumentLimitsTest.aliased(2, "members(first: 1, filter: {nameContains: \"王\"}) { totalCount }"));
        assertLimit(result, "heavy");
        assertTrue(result.body().contains("姓名搜索"), result::toString);
    }

    @Test
    void thirtyAliasedTenYearTrendsAreRefusedBeforeExecution() {
        Result result = GraphQLClient.post(TOKEN,
                DocumentLimitsTest.aliased(30, "memberTrend(unionId: 1, from: \"2016-01\", to: \"2025-12\") { month newMembers }"));
        assertLimit(result, "heavy");
    }

    @Test
    void usefulWorkOfAProvincialOfficialIsAccepted() {
        for (String query : List.of(
                "{ members(filter: {nameContains: \"王\"}) { totalCount } }",
                "{ memberTrend(unionId: 41, from: \"2016-01\", to: \"2025-12\") { month newMembers withdrawals } }",
                "{ union(id: 41) { children(first: 20) { edges { node { name statistics { members newMembers } } } } } }",
                "{ union(id: 41) { children(first: 20) { edges { node { name statistics(asOf: \"2025-12-31\") { members } } } } } }")) {
            Result result = GraphQLClient.post(HENAN, query);
            assertEquals(200, result.status(), result::toString);
            assertFalse(result.hasErrors(), result::toString);
            assertTrue(result.body().contains("\"data\":{"), result::toString);
        }
    }

    /** Every GraphQL document the README shows (curl examples and the drill-down) runs within the limits. */
    @Test
    void everyReadmeExampleIsAccepted() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> queries = new ArrayList<>();
        Matcher curl = Pattern.compile("-d '(\\{\"query\":.*\\})'").matcher(readme);
        while (curl.find()) {
            try (JsonReader reader = Json.createReader(new StringReader(curl.group(1)))) {
                queries.add(reader.readObject().getString("query"));
            }
        }
        Matcher drillDown = Pattern.compile("`(union\\(id\\) \\{ children.*?)`").matcher(readme);
        while (drillDown.find()) {
            queries.add("{ " + drillDown.group(1).replace("union(id)", "union(id: 41)") + " }");
        }
        assertTrue(queries.size() >= 5, () -> "README examples found: " + queries);
        for (String query : queries) {
            Result result = GraphQLClient.post(TOKEN, query);
            assertEquals(200, result.status(), () -> query + " -> " + result);
            assertFalse(result.body().contains("LIMIT_EXCEEDED"), () -> query + " -> " + result);
        }
    }
}
