package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** Mutations beyond the caller's budget are refused with 429 RATE_LIMITED; other callers and queries are unaffected. */
@QuarkusTest
@TestProfile(RateLimitTests.ThreePerMinute.class)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RateLimitTests {

    /** A budget small enough to exhaust in a test. */
    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gonghui.rate-limit.mutations-per-minute", "3", "gonghui.rate-limit.public-queries-per-minute", "4");
        }
    }

    static final String UPDATE = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id } }";

    @Inject
    DataSource dataSource;

    @Inject
    RateLimitBuckets buckets;

    @BeforeEach
    void emptyBuckets() {
        DemoData.execute(dataSource, "truncate rate_limit_bucket");
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    private Result rename(String username, long unionId, String chair) {
        return GraphQLClient.post(Tokens.forDemoUser(username), UPDATE,
                Map.of("input", Map.of("id", unionId, "version", DemoData.version(dataSource, unionId), "chairName", chair)));
    }

    @Test
    void fourthMutationWithinAMinuteIsRateLimited() {
        for (int i = 1; i <= 3; i++) {
            Result ok = rename("jili", 4103061, "主席" + i);
            assertFalse(ok.hasErrors(), ok::toString);
        }
        String before = DemoData.fingerprint(dataSource);
        var response = RestAssured.given().contentType("application/json").accept(GraphQLClient.GRAPHQL_RESPONSE)
                .header("Authorization", "Bearer " + Tokens.forDemoUser("jili"))
                .body(Map.of("query", UPDATE, "variables",
                        Map.of("input", Map.of("id", 4103061, "version", DemoData.version(dataSource, 4103061), "chairName", "第四次"))))
                .post("/graphql");
        assertEquals(429, response.statusCode(), response.asString());
        assertNotNull(response.header("Retry-After"));
        assertEquals("RATE_LIMITED", response.jsonPath().getString("errors[0].extensions.code"));
        assertEquals(before, DemoData.fingerprint(dataSource));
    }

    @Test
    void bucketsArePerCallerAndKeptInTheSharedDatabase() {
        for (int i = 1; i <= 3; i++) {
            rename("jili", 4103061, "甲" + i);
        }
        Result other = rename("kangle", 4103062, "乙");
        assertFalse(other.hasErrors(), other::toString);
        assertEquals(2, DemoData.queryLong(dataSource, "select count(*) from rate_limit_bucket"));
    }

    @Test
    void bucketsOfIdleCallersArePurged() {
        rename("jili", 4103061, "丁");
        rename("kangle", 4103062, "戊");
        DemoData.execute(dataSource, "update rate_limit_bucket set expires_at = 0 where id like '%sub-jili'");
        buckets.purgeIdleBuckets();
        assertEquals("mutation/sub:sub-kangle", DemoData.queryString(dataSource, "select string_agg(id, ',') from rate_limit_bucket"));
    }

    @Test
    void queriesAreNotCounted() {
        for (int i = 0; i < 5; i++) {
            assertFalse(GraphQLClient.post(Tokens.forDemoUser("jili"), "{ me { tier } }").hasErrors());
        }
        for (int i = 1; i <= 3; i++) {
            Result ok = rename("jili", 4103061, "丙" + i);
            assertFalse(ok.hasErrors(), ok::toString);
        }
    }

    @Test
    void anonymousNearestSiteSearchesBeyondTheAddressBudgetGet429() {
        String nearest = "{ nearestSites(latitude: 34.9, longitude: 112.58, radiusKm: 5) { edges { distanceKm } } }";
        int granted = 0;
        Result last = null;
        for (int i = 0; i < 6; i++) {
            last = GraphQLClient.post(null, nearest);
            if (!last.hasErrors()) {
                granted++;
            }
        }
        assertEquals(4, granted, String.valueOf(last));
        assertEquals(429, last.status(), last::toString);
        assertEquals("RATE_LIMITED", last.errorCode(), last::toString);
    }
}
