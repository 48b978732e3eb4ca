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
import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    private static Result verify() {
        return GraphQLClient.post(null, "{ verifyMemberCard(payload: \"a.b.c\") { valid reason } }");
    }

    private static Result verify(String payload) {
        return GraphQLClient.post(null, MemberCardTests.VERIFY, Map.of("p", payload));
    }

    private static void assertRefused(Result refused) {
        assertEquals(429, refused.status(), refused::toString);
        assertEquals("RATE_LIMITED", refused.errorCode(), refused::toString);
        assertNull(refused.data("verifyMemberCard"), refused::toString);
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
        assertRefused(verify());
    }

    @Test
    void genuineCardsBeyondTheAddressBudgetGet429WithNothingOfTheHolder() {
        // the card's check takes its token in the statement that reads the holder: refused, it reads and reveals nothing
        DemoData.execute(dataSource, "update person set subject = '" + MemberCardTests.HOLDER_SUBJECT + "' where id = " + MemberCardTests.MEMBER);
        Result card = GraphQLClient.post(MemberCardTests.holderToken(), MemberCardTests.CARD_QUERY);
        assertFalse(card.hasErrors(), card::toString);
        String payload = card.data("me.membership.card.qrPayload");
        String masked = CardVerification.maskName(DemoData.queryString(dataSource, "select name from person where id = " + MemberCardTests.MEMBER));
        for (int i = 0; i < 4; i++) {
            Result granted = verify(payload);
            assertFalse(granted.hasErrors(), granted::toString);
            assertEquals(Boolean.TRUE, granted.data("verifyMemberCard.valid"), granted::toString);
            assertEquals(masked, granted.data("verifyMemberCard.holderName"), granted::toString);
        }
        Result refused = verify(payload);
        assertRefused(refused);
        assertFalse(refused.body().contains(masked), refused::toString);
    }

    @Test
    void anOversizedPayloadDrawsFromTheBudgetAndIsRefusedLikeAnyOtherOnceItIsSpent() {
        String oversized = "x".repeat(CardService.MAX_PAYLOAD_LENGTH + 1);
        for (int i = 0; i < 4; i++) {
            Result tooLong = verify(oversized);
            assertEquals("VALIDATION", tooLong.errorCode(), tooLong::toString);
        }
        assertRefused(verify(oversized));
        assertRefused(verify());
    }
}
