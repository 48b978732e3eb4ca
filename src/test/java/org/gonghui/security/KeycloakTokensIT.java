package org.gonghui.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gonghui.e2e.KeycloakClient;
import org.gonghui.e2e.KeycloakClient.AccessToken;
import org.gonghui.e2e.KeycloakProfile;
import org.gonghui.e2e.KeycloakServer;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.Tokens;
import org.gonghui.testing.Tokens.DemoUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Tokens from a real Keycloak: every demo user's login works and tells their tier and union, and an
 * expired, foreign-audience, tampered or foreign-realm token is refused with 401 UNAUTHENTICATED before
 * GraphQL runs.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@EnabledIfSystemProperty(named = KeycloakServer.HOME_PROPERTY, matches = ".+", disabledReason = "needs a Keycloak: ./mvnw verify -Pkeycloak")
class KeycloakTokensIT {

    static final String ME = "{ me { username tier union { id } } }";
    static final String OTHER_AUDIENCE = "some-other-api";
    static final int SHORT_LIFESPAN_SECONDS = 5;

    @Inject
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Inject
    @ConfigProperty(name = KeycloakServer.URL_PROPERTY)
    String keycloakUrl;

    /** 401 UNAUTHENTICATED with the Bearer challenge, before GraphQL runs. */
    private static void assertRefused(String token) {
        Response response = given().contentType("application/json").accept(GraphQLClient.GRAPHQL_RESPONSE)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("query", ME))
                .post("/graphql");
        Result result = new Result(response.statusCode(), response.contentType(), response.asString());
        assertEquals(401, result.status(), result::toString);
        assertEquals("UNAUTHENTICATED", result.errorCode(), result::toString);
        assertNotNull(result.errorMessage(), result::toString);
        assertNull(result.data("me"), result::toString);
        assertEquals("Bearer error=\"invalid_token\"", response.header("WWW-Authenticate"), result::toString);
    }

    private static void assertSignedInAsJili(String token) {
        Result result = GraphQLClient.post(token, ME);
        assertEquals(200, result.status(), result::toString);
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("jili", result.data("me.username"), result::toString);
        assertEquals("COUNTY", result.data("me.tier"), result::toString);
        assertEquals("410306", result.data("me.union.id"), result::toString);
    }

    private static List<String> audiences(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud == null) {
            return List.of();
        }
        if (aud.getValueType() == JsonValue.ValueType.STRING) {
            return List.of(((JsonString) aud).getString());
        }
        return aud.asJsonArray().getValuesAs(JsonString::getString);
    }

    private static List<String> tierRoles(JsonObject claims) {
        return claims.getJsonObject("realm_access").getJsonArray("roles").getValuesAs(JsonString::getString).stream()
                .filter(role -> Tier.ofRole(role).isPresent())
                .toList();
    }

    @Test
    void everyDemoUserSignsInWithTheirTierAndUnion() {
        for (DemoUser user : Tokens.demoUsers()) {
            Result result = GraphQLClient.post(KeycloakClient.cachedToken(realmUrl, user.username()), ME);
            assertEquals(200, result.status(), () -> user + " " + result);
            assertFalse(result.hasErrors(), () -> user + " " + result);
            assertEquals(user.username(), result.data("me.username"), () -> user + " " + result);
            assertEquals(Tier.ofRole(user.role()).orElseThrow().name(), result.data("me.tier"), () -> user + " " + result);
            assertEquals(user.unionId() == null ? null : String.valueOf(user.unionId()), result.data("me.union.id"),
                    () -> user + " " + result);
        }
    }

    @Test
    void keycloakTokensCarryTheIssuerAudienceRoleAndUnionTheApiReads() {
        for (DemoUser user : Tokens.demoUsers()) {
            JsonObject claims = AccessToken.of(KeycloakClient.cachedToken(realmUrl, user.username())).claims();
            assertEquals(realmUrl, claims.getString("iss"), user::toString);
            assertEquals(List.of(Tokens.AUDIENCE), audiences(claims), user::toString);
            // exactly the user's tier role: no default role (such as member) slips in through the import
            assertEquals(List.of(user.role()), tierRoles(claims), user::toString);
            if (user.unionId() == null) {
                assertFalse(claims.containsKey("union_id"), user::toString);
            } else {
                assertEquals(JsonValue.ValueType.NUMBER, claims.get("union_id").getValueType(), user::toString);
                assertEquals(user.unionId().longValue(), claims.getJsonNumber("union_id").longValue(), user::toString);
            }
        }
    }

    @Test
    void tokensOfTheWireMockTestIssuerAreRefused() {
        // the %test OIDC settings of the other suites must not apply against a real Keycloak
        assertRefused(Tokens.forDemoUser("jili"));
    }

    @Test
    void expiredKeycloakTokenIsRefused() {
        String realmPath = KeycloakServer.REALM;
        int lifespan = KeycloakClient.adminGet(keycloakUrl, realmPath).getInt("accessTokenLifespan");
        AccessToken token;
        KeycloakClient.admin(keycloakUrl, "PUT", realmPath, Json.createObjectBuilder().add("accessTokenLifespan", SHORT_LIFESPAN_SECONDS).build());
        try {
            token = KeycloakClient.login(realmUrl, KeycloakClient.TEST_CLIENT, "jili");
        } finally {
            KeycloakClient.admin(keycloakUrl, "PUT", realmPath, Json.createObjectBuilder().add("accessTokenLifespan", lifespan).build());
        }
        assertEquals(lifespan, KeycloakClient.adminGet(keycloakUrl, realmPath).getInt("accessTokenLifespan"), "lifespan not restored");
        assertEquals(SHORT_LIFESPAN_SECONDS, token.claims().getJsonNumber("exp").longValue() - token.claims().getJsonNumber("iat").longValue());
        assertSignedInAsJili(token.jwt());

        // Poll until the service refuses the token; it must not accept it long after exp, nor refuse it before.
        Instant deadline = token.expiresAt().plusSeconds(10);
        Instant sentAt = Instant.now();
        Result result = GraphQLClient.post(token.jwt(), ME);
        while (result.status() == 200 && Instant.now().isBefore(deadline)) {
            assertFalse(result.hasErrors(), result::toString);
            pause(Duration.ofMillis(250));
            sentAt = Instant.now();
            result = GraphQLClient.post(token.jwt(), ME);
        }
        assertEquals(401, result.status(), "expired at " + token.expiresAt() + ", still " + result + " at " + sentAt);
        assertEquals("UNAUTHENTICATED", result.errorCode(), result::toString);
        // exp has whole-second precision
        assertFalse(sentAt.plusSeconds(1).isBefore(token.expiresAt()), "refused at " + sentAt + " although valid until " + token.expiresAt());
        assertRefused(token.jwt());
    }

    /** Creates a user through the admin API as an administrator would (password {@code demo}); returns its admin path. */
    private String createUser(String username, Long unionId, String tierRole) {
        var user = Json.createObjectBuilder().add("username", username).add("enabled", true).add("emailVerified", true)
                .add("email", username + "@demo.gonghui.example.gov.cn").add("firstName", "新").add("lastName", "王")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", KeycloakClient.DEMO_PASSWORD).add("temporary", false)));
        if (unionId != null) {
            user.add("attributes", Json.createObjectBuilder().add("union_id", Json.createArrayBuilder().add(String.valueOf(unionId))));
        }
        HttpResponse<String> created = KeycloakClient.admin(keycloakUrl, "POST", KeycloakServer.REALM + "/users", user.build());
        String location = created.headers().firstValue("Location").orElseThrow();
        String userPath = KeycloakServer.REALM + "/users/" + location.substring(location.lastIndexOf('/') + 1);
        if (tierRole != null) {
            JsonObject role = KeycloakClient.adminGet(keycloakUrl, KeycloakServer.REALM + "/roles/" + tierRole);
            KeycloakClient.admin(keycloakUrl, "POST", userPath + "/role-mappings/realm", null, Json.createArrayBuilder().add(role).build());
        }
        return userPath;
    }

    @Test
    void anOfficialCreatedThroughTheAdminApiKeepsTheDefaultMemberRoleAndWorksAtOnce() {
        String userPath = createUser("new-county-official", 410306L, "county-admin");
        try {
            AccessToken token = KeycloakClient.login(realmUrl, KeycloakClient.TEST_CLIENT, "new-county-official");
            // the realm's default role gave them member as well
            assertEquals(List.of("county-admin", "member"), tierRoles(token.claims()).stream().sorted().toList());
            Result result = GraphQLClient.post(token.jwt(), "{ me { tier union { id } } union(id: 4103061) { id } }");
            assertEquals(200, result.status(), result::toString);
            assertFalse(result.hasErrors(), result::toString);
            assertEquals("COUNTY", result.data("me.tier"));
            assertEquals("410306", result.data("me.union.id"));
            assertEquals("4103061", result.data("union.id"));
        } finally {
            KeycloakClient.admin(keycloakUrl, "DELETE", userPath, null);
        }
    }

    @Test
    void aWorkerWhoSignsUpGetsTheMemberRoleAndIsAMember() {
        // self-registration creates a user with the realm's default roles only, as this does
        String userPath = createUser("new-worker", null, null);
        try {
            AccessToken token = KeycloakClient.login(realmUrl, KeycloakClient.TEST_CLIENT, "new-worker");
            assertEquals(List.of("member"), tierRoles(token.claims()));
            Result result = GraphQLClient.post(token.jwt(), "{ me { tier union { id } } }");
            assertEquals(200, result.status(), result::toString);
            assertFalse(result.hasErrors(), result::toString);
            assertEquals("MEMBER", result.data("me.tier"));
        } finally {
            KeycloakClient.admin(keycloakUrl, "DELETE", userPath, null);
        }
    }

    @Test
    void keycloakTokenForAnotherAudienceIsRefused() {
        // A client of the same realm whose tokens carry union_id and roles like gonghui-test's, but another audience.
        String clientId = "gonghui-e2e-other-audience";
        JsonObject client = Json.createObjectBuilder()
                .add("clientId", clientId)
                .add("publicClient", true)
                .add("standardFlowEnabled", false)
                .add("directAccessGrantsEnabled", true)
                .add("fullScopeAllowed", true)
                .add("protocolMappers", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "union_id").add("protocol", "openid-connect")
                                .add("protocolMapper", "oidc-usermodel-attribute-mapper")
                                .add("config", Json.createObjectBuilder().add("user.attribute", "union_id").add("claim.name", "union_id")
                                        .add("jsonType.label", "long").add("access.token.claim", "true")))
                        .add(Json.createObjectBuilder().add("name", "other audience").add("protocol", "openid-connect")
                                .add("protocolMapper", "oidc-audience-mapper")
                                .add("config", Json.createObjectBuilder().add("included.custom.audience", OTHER_AUDIENCE)
                                        .add("access.token.claim", "true"))))
                .build();
        HttpResponse<String> created = KeycloakClient.admin(keycloakUrl, "POST", KeycloakServer.REALM + "/clients", client);
        Optional<String> location = created.headers().firstValue("Location");
        assertTrue(location.isPresent(), created::toString);
        String clientPath = KeycloakServer.REALM + "/clients/" + location.get().substring(location.get().lastIndexOf('/') + 1);
        try {
            AccessToken token = KeycloakClient.login(realmUrl, clientId, "jili");
            // the same issuer, role and union as a valid token: only the audience differs
            assertEquals(realmUrl, token.claims().getString("iss"));
            assertEquals(List.of("county-admin"), tierRoles(token.claims()));
            assertEquals(410306, token.claims().getJsonNumber("union_id").longValue());
            assertEquals(List.of(OTHER_AUDIENCE), audiences(token.claims()));
            assertRefused(token.jwt());
        } finally {
            KeycloakClient.admin(keycloakUrl, "DELETE", clientPath, null);
        }
    }

    @Test
    void keycloakTokenWithATamperedSignatureIsRefused() {
        String jwt = KeycloakClient.cachedToken(realmUrl, "jili");
        assertSignedInAsJili(jwt);
        // a character inside the signature, away from the unused bits of its last character
        int index = jwt.lastIndexOf('.') + 10;
        char flipped = jwt.charAt(index) == 'A' ? 'B' : 'A';
        String tampered = jwt.substring(0, index) + flipped + jwt.substring(index + 1);
        assertNotEquals(jwt, tampered);
        assertRefused(tampered);
    }

    @Test
    void tokenOfAnotherKeycloakRealmIsRefused() {
        // the bootstrap administrator's token from the master realm: another issuer and other keys
        assertRefused(KeycloakClient.adminToken(keycloakUrl));
    }

    @Test
    void anonymousCallerIsAskedToSignIn() {
        Result result = GraphQLClient.post(null, ME);
        assertEquals(200, result.status(), result::toString);
        assertEquals("UNAUTHENTICATED", result.errorCode(), result::toString);
        assertNotNull(result.errorMessage(), result::toString);
        assertNull(result.data("me"), result::toString);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
