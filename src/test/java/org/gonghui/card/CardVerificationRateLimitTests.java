package org.gonghui.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import jakarta.inject.Inject;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** verifyMemberCard draws on the public-query budget of the caller's address, the one nearestSites uses. */
@QuarkusTestWithOidc
@TestProfile(CardVerificationRateLimitTests.FourAtOnce.class)
class CardVerificationRateLimitTests {

    /** An address budget small enough to exhaust in a test. */
    public static class FourAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gonghui.rate-limit.public-queries.per-address-per-minute", "5", "gonghui.rate-limit.public-queries.per-address-burst", "4");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void emptyBuckets() {
        DemoData.execute(dataSource, "truncate rate_limit_bucket");
    }

    private static Result verify() {
        return GraphQLClient.post(null, "{ verifyMemberCard(payload: \"a.b.c\") { valid reason } }");
    }

    @Test
    void verificationsBeyondTheAddressBudgetSharedWithNearestSitesGet429() {
        assertFalse(GraphQLClient.post(null, "{ nearestSites(latitude: 34.9, longitude: 112.58, radiusKm: 5) { edges { distanceKm } } }").hasErrors());
        assertFalse(GraphQLClient.post(null, "{ nearestSites(latitude: 34.9, longitude: 112.58, radiusKm: 5) { edges { distanceKm } } }").hasErrors());
        for (int i = 0; i < 2; i++) {
            Result granted = verify();
            assertFalse(granted.hasErrors(), granted::toString);
            assertEquals("MALFORMED", granted.data("verifyMemberCard.reason"), granted::toString);
        }
        Result refused = verify();
        assertEquals(429, refused.status(), refused::toString);
        assertEquals("RATE_LIMITED", refused.errorCode(), refused::toString);
        assertNull(refused.data("verifyMemberCard"), refused::toString);
    }
}
