package org.gonghui.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gonghui.testing.CardKeyFixtures;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Two replicas on one database: this test's application (replica A) and the packaged jar started
 * beside it (replica B, production profile). A union dissolved through B locks its officials out of A
 * on the very next request, and the other way round nothing is remembered by either.
 */
@QuarkusTestWithOidc
class TwoReplicasIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Inject
    DataSource dataSource;

    private Process replicaB;

    @AfterEach
    void stop() {
        if (replicaB != null) {
            replicaB.destroy();
        }
        DemoData.restore(dataSource);
    }

    private int startReplicaB() throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "run after packaging: ./mvnw verify -Pkeycloak");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = ConfigProvider.getConfig();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                JAR.toString());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", config.getValue("quarkus.datasource.jdbc.url", String.class));
        env.put("QUARKUS_DATASOURCE_USERNAME", config.getValue("quarkus.datasource.username", String.class));
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        // replica A migrated the database already (with the demo scripts production does not carry)
        env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.getValue("quarkus.oidc.auth-server-url", String.class));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", Tokens.ISSUER);
        env.put("GONGHUI_PERSONAL_DATA_ENCRYPTION_KEYS", "prod-test:SHTQ1ad3fkMq1jcJD1RXm2p+3ugW6uVX+HzGQMRPAIc=");
        env.put("GONGHUI_PERSONAL_DATA_ACTIVE_KEY", "prod-test");
        env.put("GONGHUI_PERSONAL_DATA_HASH_KEY", "gWZfmFsXFvINsBapN1+kgLMFydl2ZWKupzNqh2jp0XI=");
        env.put("GONGHUI_CARD_KEYS", CardKeyFixtures.PROD_TEST_KEYS);
        env.put("GONGHUI_CARD_ACTIVE_KEY", "prod-test");
        // a production build refuses to start with texts enabled and no SMS gateway settings
        env.put("GONGHUI_SMS_ENABLED", "false");
        builder.redirectErrorStream(true).redirectOutput(Path.of("target/replica-b.log").toFile());
        replicaB = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(replicaB.isAlive(), "replica B exited; see target/replica-b.log");
            try {
                if (given().baseUri("http://127.0.0.1").port(port).get("/q/health/ready").statusCode() == 200) {
                    return port;
                }
            } catch (Exception e) {
                // not listening yet (RestAssured rethrows the connection's IOException unchecked)
            }
            Thread.sleep(500);
        }
        throw new AssertionError("replica B was not ready within 180 s; see target/replica-b.log");
    }

    private static Result post(Integer port, String token, String query, Map<String, Object> variables) {
        if (port == null) {
            return GraphQLClient.post(token, query, variables);
        }
        Response response = given().baseUri("http://127.0.0.1").port(port).contentType("application/json").accept(GraphQLClient.GRAPHQL_RESPONSE)
                .header("Authorization", "Bearer " + token).body(Map.of("query", query, "variables", variables)).post("/graphql");
        return new Result(response.statusCode(), response.contentType(), response.asString());
    }

    @Test
    void aDissolutionThroughOneReplicaLocksTheOfficialsOutOfTheOtherOnTheNextRequest() throws Exception {
        int portB = startReplicaB();
        String shunda = Tokens.forDemoUser("shunda");
        for (Integer replica : List.of(-1, portB)) {
            Result before = post(replica < 0 ? null : replica, shunda, "{ me { union { id } } }", Map.of());
            assertEquals(200, before.status(), before::toString);
            assertFalse(before.hasErrors(), before::toString);
        }
        int version = DemoData.version(dataSource, 41030612);
        Result dissolved = post(portB, Tokens.forDemoUser("heyang"),
                "mutation($input: DissolveUnionInput!) { dissolveUnion(input: $input) { id status } }",
                Map.of("input", Map.of("id", 41030612, "version", version, "reason", "企业注销")));
        assertFalse(dissolved.hasErrors(), dissolved::toString);
        assertEquals("DISSOLVED", dissolved.data("dissolveUnion.status"));

        for (Integer replica : List.of(-1, portB)) {
            Result after = post(replica < 0 ? null : replica, shunda, "{ me { union { id } } }", Map.of());
            assertEquals(401, after.status(), after::toString);
            assertEquals("UNAUTHENTICATED", after.errorCode(), after::toString);
            assertTrue(after.errorMessage().contains("DISSOLVED"), after::toString);
        }
    }
}
