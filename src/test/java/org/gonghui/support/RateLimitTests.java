package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;


import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Mutations beyond the caller's budget and public queries beyond their address's, app instance's or everybody's
 * budget are refused with 429 RATE_LIMITED; other callers and queries are unaffected; a changed limit applies
 * to stored buckets.
 */
@QuarkusTestWithOidc
@TestProfile(RateLimitTests.ThreePerMinute.class)
class RateLimitTests {

    /** A budget small enough to exhaust in a test. */
    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gonghui.rate-limit.mutations-per-minute", "4", "gonghui.rate-limit.mutation-burst", "3",
                    "gonghui.rate-limit.public-queries.per-address-per-minute", "5", "gonghui.rate-limit.public-queries.per-address-burst", "4",
                    "gonghui.rate-limit.public-queries.per-app-instance-per-minute", "3", "gonghui.rate-limit.public-queries.per-app-instance-burst", "2",
                    "gonghui.rate-limit.public-queries.per-minute", "10", "gonghui.rate-limit.public-queries.burst", "8");
        }
    }

    static final String UPDATE = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id } }";

    @Inject
    AgroalDataSource dataSource;

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

    @Test
    void anonymousUnionSearchesAndRegionListsDrawFromTheSamePublicQueryBudgetAsNearestSites() {
        List<String> queries = List.of("{ findUnions(filter: {nameContains: \"社区\"}) { edges { node { id } } } }",
                "{ regions { edges { node { code } } } }",
                "{ findUnions(filter: {near: {latitude: 34.9, longitude: 112.58, radiusKm: 5}}) { edges { distanceKm } } }",
                "{ nearestSites(latitude: 34.9, longitude: 112.58, radiusKm: 5) { edges { distanceKm } } }");
        for (String query : queries) {
            Result ok = GraphQLClient.post(null, query);
            assertFalse(ok.hasErrors(), ok::toString);
        }
        // the address's burst of 4 is spent, whichever public query spent it
        Result refused = GraphQLClient.post(null, "{ findUnions { edges { node { id } } } }");
        assertEquals(429, refused.status(), refused::toString);
        assertEquals("RATE_LIMITED", refused.errorCode(), refused::toString);
        Result regions = GraphQLClient.post(null, "{ regions { totalCount } }");
        assertEquals(429, regions.status(), regions::toString);
        assertEquals("RATE_LIMITED", regions.errorCode(), regions::toString);
    }

    @Test
    void aBucketStoredUnderAnEarlierLimitFollowsTheConfiguredOne() {
        // what an earlier release left behind: jili's bucket under a limit of 1,000, with no configuration version
        var earlier = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING).table("rate_limit_bucket").build();
        BucketConfiguration thousand = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(1000).refillGreedy(1000, Duration.ofMinutes(1))).build();
        assertTrue(earlier.builder().build("mutation/sub:sub-jili", () -> thousand).tryConsume(1));
        int granted = 0;
        for (int i = 1; i <= 5; i++) {
            if (!rename("jili", 4103061, "旧桶" + i).hasErrors()) {
                granted++;
            }
        }
        assertEquals(3, granted, "the configured burst (3), not the 999 tokens left under the earlier limit");
    }

    private Result nearest(Map<String, String> headers) {
        return GraphQLClient.post(null, "{ nearestSites(latitude: 34.9, longitude: 112.58, radiusKm: 5) { edges { distanceKm } } }", Map.of(),
                headers);
    }

    @Test
    void anAppInstanceIdOnlyNarrowsItsAddressesBudgetNeverExtendsIt() {
        // the instance's share: 2 at once
        assertFalse(nearest(Map.of("X-App-Instance", "phone-a")).hasErrors());
        assertFalse(nearest(Map.of("X-App-Instance", "phone-a")).hasErrors());
        Result third = nearest(Map.of("X-App-Instance", "phone-a"));
        assertEquals(429, third.status(), third::toString);
        assertEquals("RATE_LIMITED", third.errorCode(), third::toString);
        // another instance behind the same address gets its own share, out of the address's 4
        assertFalse(nearest(Map.of("X-App-Instance", "phone-b")).hasErrors());
        assertFalse(nearest(Map.of("X-App-Instance", "phone-b")).hasErrors());
        // the address's budget is spent: a fresh instance id, or none, buys nothing more
        for (Map<String, String> headers : List.of(Map.of("X-App-Instance", "phone-c"), Map.<String, String>of())) {
            Result refused = nearest(headers);
            assertEquals(429, refused.status(), refused::toString);
            assertEquals("RATE_LIMITED", refused.errorCode(), refused::toString);
        }
    }

    @Test
    void theBudgetOfAllAnonymousCallersHoldsAcrossAddresses() {
        // 8 at once for everybody; each address below its own burst of 4
        int granted = 0;
        for (int address = 1; address <= 6; address++) {
            for (int i = 0; i < 2; i++) {
                if (buckets.takePublicQuery("addr:198.51.100." + address, null).isEmpty()) {
                    granted++;
                }
            }
        }
        assertEquals(8, granted);
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from rate_limit_bucket where id = 'public-global/all'"));
    }

    @Test
    void anAddressThatIsRefusedDoesNotSpendTheBudgetOfAllAnonymousCallers() {
        // one address asks 10 times: its burst of 4 is granted, the 6 refusals take nothing from everybody's 8
        int granted = 0;
        for (int i = 0; i < 10; i++) {
            if (buckets.takePublicQuery("addr:198.51.100.1", null).isEmpty()) {
                granted++;
            }
        }
        assertEquals(4, granted);
        int others = 0;
        for (int address = 2; address <= 6; address++) {
            if (buckets.takePublicQuery("addr:198.51.100." + address, null).isEmpty()) {
                others++;
            }
        }
        assertEquals(4, others, "everybody's 8 less the first address's 4");
    }

    @Test
    void anEmptyAddressBucketRefillsOverTheMinuteAndSaysHowLongToWait() {
        for (int i = 0; i < 4; i++) {
            assertTrue(buckets.takePublicQuery("addr:198.51.100.7", null).isEmpty());
        }
        // the refill is 1 a minute (5 a minute, 4 at once): an empty bucket waits a minute for its next token
        var wait = buckets.takePublicQuery("addr:198.51.100.7", null);
        assertTrue(wait.isPresent());
        assertTrue(wait.getAsLong() >= 59 && wait.getAsLong() <= 60, () -> "wait " + wait);
        // half a minute later half a token has come back: still refused, for about half a minute
        DemoData.execute(dataSource, "update rate_limit_bucket set refilled_at = refilled_at - interval '30 seconds' where id = 'public-address/addr:198.51.100.7'");
        var half = buckets.takePublicQuery("addr:198.51.100.7", null);
        assertTrue(half.isPresent() && half.getAsLong() >= 29 && half.getAsLong() <= 31, () -> "wait " + half);
        // a whole minute later, one token: one more request, not two
        DemoData.execute(dataSource, "update rate_limit_bucket set refilled_at = refilled_at - interval '60 seconds' where id = 'public-address/addr:198.51.100.7'");
        assertTrue(buckets.takePublicQuery("addr:198.51.100.7", null).isEmpty());
        assertTrue(buckets.takePublicQuery("addr:198.51.100.7", null).isPresent());
    }
}
