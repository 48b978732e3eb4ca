package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Subtree-wide work beyond the caller's budget for the minute is refused with 429 RATE_LIMITED; other callers and light reads go on. */
@QuarkusTestWithOidc
@TestProfile(HeavyWorkBudgetTests.TwentyFiveUnits.class)
class HeavyWorkBudgetTests {

    /** A budget that one member search with its count (20 units) nearly spends. */
    public static class TwentyFiveUnits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gonghui.limits.heavy-work-per-minute", "25");
        }
    }

    /** A search over the province with its count: 10 + 10 units. */
    static final String SEARCH = "{ members(filter: {nameContains: \"王\"}) { totalCount } }";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyBuckets() {
        DemoData.execute(dataSource, "truncate rate_limit_bucket");
    }

    private static Response raw(String username, String query) {
        return RestAssured.given().contentType("application/json").accept(GraphQLClient.GRAPHQL_RESPONSE)
                .header("Authorization", "Bearer " + Tokens.forDemoUser(username)).body(Map.of("query", query)).post("/graphql");
    }

    @Test
    void heavyWorkBeyondTheCallersBudgetIsRateLimited() {
        Result first = GraphQLClient.post(Tokens.forDemoUser("henan"), SEARCH);
        assertEquals(200, first.status(), first::toString);
        assertFalse(first.hasErrors(), first::toString);
        assertTrue(first.body().contains("\"totalCount\":"), first::toString);

        Response second = raw("henan", SEARCH);
        assertEquals(429, second.statusCode(), second.asString());
        assertNotNull(second.header("Retry-After"));
        assertEquals("RATE_LIMITED", second.jsonPath().getString("errors[0].extensions.code"), second.asString());
        assertTrue(second.jsonPath().getString("errors[0].message").contains("retry in"), second.asString());
        assertNull(second.jsonPath().get("data.members"), second.asString());
    }

    @Test
    void theBudgetIsPerCallerAndKeptInTheSharedDatabase() {
        assertFalse(GraphQLClient.post(Tokens.forDemoUser("henan"), SEARCH).hasErrors());
        assertEquals(429, raw("henan", SEARCH).statusCode());
        Result other = GraphQLClient.post(Tokens.forDemoUser("luoyang"), SEARCH);
        assertEquals(200, other.status(), other::toString);
        assertFalse(other.hasErrors(), other::toString);
        assertEquals("heavy/sub:sub-henan,heavy/sub:sub-luoyang",
                DemoData.queryString(dataSource, "select string_agg(id, ',' order by id) from rate_limit_bucket"));
    }

    @Test
    void readsWithoutHeavyFieldsAreNotCharged() {
        assertFalse(GraphQLClient.post(Tokens.forDemoUser("henan"), SEARCH).hasErrors());
        assertEquals(429, raw("henan", SEARCH).statusCode());
        Result light = GraphQLClient.post(Tokens.forDemoUser("henan"), "{ me { tier } union(id: 41) { name children(first: 5) { edges { node { name } } } } }");
        assertEquals(200, light.status(), light::toString);
        assertFalse(light.hasErrors(), light::toString);
    }

    @Test
    void aDocumentCostingMoreThanAMinutesBudgetIsRefusedBeforeExecution() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("henan"),
                "{ members(filter: {nameContains: \"王\"}) { totalCount } memberTrend(unionId: 41, from: \"2016-01\", to: \"2025-12\") { month } }");
        assertEquals(400, result.status(), result::toString);
        assertEquals("LIMIT_EXCEEDED", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith("heavy:"), result::toString);
        assertFalse(result.body().contains("\"data\""), result::toString);
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from rate_limit_bucket"), "nothing charged");
    }
}
