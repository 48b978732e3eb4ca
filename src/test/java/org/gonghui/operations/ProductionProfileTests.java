package org.gonghui.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.CardKeyFixtures;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The service under its production configuration profile: no introspection, no schema endpoint, no
 * GraphQL UI, no dev token endpoint, no demo data. Only the database and OIDC server are the test's.
 */
@QuarkusTestWithOidc
@TestProfile(ProductionProfileTests.Production.class)
class ProductionProfileTests {

    /** %prod settings, with the environment a deployment would give. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmptyDatabase.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/" + EmptyDatabase.NAME,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.token.issuer", Tokens.ISSUER,
                    "gonghui.personal-data.encryption-keys", "prod-test:SHTQ1ad3fkMq1jcJD1RXm2p+3ugW6uVX+HzGQMRPAIc=",
                    "gonghui.personal-data.active-key", "prod-test",
                    "gonghui.personal-data.hash-key", "gWZfmFsXFvINsBapN1+kgLMFydl2ZWKupzNqh2jp0XI=",
                    "gonghui.card.keys", CardKeyFixtures.PROD_TEST_KEYS,
                    "gonghui.card.active-key", "prod-test"));
            // the text-message gateway refuses to start without its settings (nothing is sent: no text is requested)
            overrides.putAll(Map.of(
                    "gonghui.sms.aliyun.endpoint", "https://dysmsapi.invalid/",
                    "gonghui.sms.aliyun.access-key-id", "prod-test-id",
                    "gonghui.sms.aliyun.access-key-secret", "prod-test-secret",
                    "gonghui.sms.aliyun.sign-name", "工会服务",
                    "gonghui.sms.aliyun.templates.claim-code", "SMS_1",
                    "gonghui.sms.aliyun.templates.phone-change-new", "SMS_2",
                    "gonghui.sms.aliyun.templates.phone-change-old", "SMS_3",
                    "gonghui.sms.aliyun.templates.phone-changed-notice", "SMS_4",
                    "gonghui.sms.aliyun.templates.claim-linked-notice", "SMS_5"));
            return overrides;
        }
    }

    /** A fresh database on the local server, as a deployment would provision (production never creates one). */
    public static class EmptyDatabase implements QuarkusTestResourceLifecycleManager {
        static final String NAME = "gonghui_prodcheck";

        @Override
        public Map<String, String> start() {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + NAME);
                s.execute("create database " + NAME);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void introspectionIsOff() {
        Result result = GraphQLClient.post(null, "{ __schema { types { name } } }");
        assertEquals(400, result.status(), result::toString);
        assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().contains("'__Schema'"), result::toString);
        assertFalse(result.body().contains("\"data\""), result::toString);
    }

    @Test
    void devTokenEndpointIsAbsent() {
        // The GraphQL UI and the schema endpoint are left out of production builds at build time
        // (Quarkus includes the UI in dev and test builds only), which a test build cannot show.
        given().get("/dev/tokens").then().statusCode(404);
    }

    @Test
    void noDemoDataIsLoaded() {
        // a demo official's token names a union that a production database does not have
        Result result = GraphQLClient.post(Tokens.forDemoUser("jili"), "{ me { tier } }");
        assertEquals(401, result.status(), result::toString);
    }

    @Test
    void membersStillWork() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("worker"), "{ me { tier } }");
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("MEMBER", result.data("me.tier"));
    }
}
