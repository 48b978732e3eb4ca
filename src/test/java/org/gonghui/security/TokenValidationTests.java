package org.gonghui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;


/** Tokens that must be refused with 401 before any GraphQL runs, and the shapes that are accepted. */
@QuarkusTestWithOidc
class TokenValidationTests {

    static final String ME = "{ me { tier union { id } } }";

    private static void assertRefused(String token) {
        Result result = GraphQLClient.post(token, ME);
        assertEquals(401, result.status(), result::toString);
        assertEquals("UNAUTHENTICATED", result.errorCode(), result::toString);
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(Tokens.signed(Tokens.token("jili", List.of("county-admin"), 410306)
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))));
    }

    @Test
    void tokenSignedWithAnUnpublishedKeyIsRefused() {
        assertRefused(Tokens.signedWithForeignKey(Tokens.token("jili", List.of("county-admin"), 410306)));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertRefused(Tokens.signed(Tokens.token("jili", List.of("county-admin"), 410306).audience("some-other-api")));
    }

    @Test
    void tierRoleThatDoesNotMatchTheUnionLevelIsRefused() {
        // a city role bound to a province
        assertRefused(Tokens.signed(Tokens.token("mis", List.of("city-admin"), 41)));
    }

    @Test
    void tokenHoldingTwoTierRolesIsRefused() {
        assertRefused(Tokens.signed(Tokens.token("double", List.of("county-admin", "city-admin"), 410306)));
    }

    @Test
    void twoOfficialTiersBesideTheMemberRoleAreRefused() {
        assertRefused(Tokens.signed(Tokens.token("double", List.of("county-admin", "city-admin", "member"), 410306)));
    }

    @Test
    void anOfficialWhoAlsoHoldsTheDefaultMemberRoleActsAsThatOfficial() {
        // Keycloak's default role gives every new user `member`; an official created in the console holds both
        String token = Tokens.signed(Tokens.token("new-official", List.of("default-roles-gonghui", "member", "county-admin"), 410306));
        Result result = GraphQLClient.post(token, "{ me { tier union { id } } union(id: 4103061) { id } }");
        assertEquals(200, result.status(), result::toString);
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("COUNTY", result.data("me.tier"));
        assertEquals("410306", result.data("me.union.id"));
        assertEquals("4103061", result.data("union.id"));
    }

    @Test
    void aSelfRegisteredWorkerWithTheDefaultRolesIsAMember() {
        Result result = GraphQLClient.post(Tokens.signed(Tokens.token("signed-up", List.of("default-roles-gonghui", "member", "offline_access"), null)), ME);
        assertEquals(200, result.status(), result::toString);
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("MEMBER", result.data("me.tier"));
    }

    @Test
    void tokenWithoutAnyTierRoleIsRefused() {
        assertRefused(Tokens.signed(Tokens.token("nobody", List.of("offline_access"), null)));
    }

    @Test
    void officialWithoutUnionIdIsRefused() {
        assertRefused(Tokens.signed(Tokens.token("lost", List.of("county-admin"), null)));
    }

    @Test
    void officialOfAnUnknownUnionIsRefused() {
        assertRefused(Tokens.signed(Tokens.token("ghost", List.of("county-admin"), 999999999)));
    }

    @Test
    void malformedBearerValueIsRefused() {
        assertRefused("not-a-jwt");
    }

    @Test
    void unionIdMayArriveAsAString() {
        Result result = GraphQLClient.post(Tokens.signed(Tokens.token("jili", List.of("county-admin"), "410306")), ME);
        assertEquals(200, result.status(), result::toString);
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("COUNTY", result.data("me.tier"));
        assertEquals("410306", result.data("me.union.id"));
    }

    @Test
    void otherRolesBesideTheTierRoleAreIgnored() {
        Result result = GraphQLClient.post(
                Tokens.signed(Tokens.token("jili", List.of("county-admin", "offline_access", "uma_authorization"), 410306)), ME);
        assertEquals(200, result.status(), result::toString);
        assertEquals("COUNTY", result.data("me.tier"));
    }

    @Test
    void memberSeesTheirTierAndNoUnion() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("worker"), "{ me { subject username tier union { id } } }");
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("MEMBER", result.data("me.tier"));
        assertEquals("worker", result.data("me.username"));
        assertEquals("sub-worker", result.data("me.subject"));
        assertEquals(null, (Object) result.data("me.union"));
    }

    @Test
    void anonymousMeIsUnauthenticated() {
        Result result = GraphQLClient.post(null, ME);
        assertEquals(200, result.status(), result::toString);
        assertEquals("UNAUTHENTICATED", result.errorCode());
    }

    @Test
    void everyDemoOfficialGetsTheirOwnUnion() {
        for (Tokens.DemoUser user : Tokens.demoUsers()) {
            Result result = GraphQLClient.post(Tokens.forDemoUser(user.username()), ME);
            assertFalse(result.hasErrors(), user + " " + result);
            assertEquals(user.unionId() == null ? null : String.valueOf(user.unionId()), result.data("me.union.id"), user::toString);
        }
    }
}
