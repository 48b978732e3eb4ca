package org.gonghui.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.TestProfile;

/**
 * Operations: readiness follows the database down and back up without a restart, a write cut off by
 * the outage leaves nothing half-done, and metrics are exposed in Prometheus format.
 */
@QuarkusTestWithOidc
@TestProfile(ThrowawayDatabaseProfile.class)
class HealthAndMetricsTests {

    @Inject
    DataSource dataSource;

    private static void awaitReadiness(int status, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = given().get("/q/health/ready").statusCode();
            if (last == status) {
                given().get("/q/health/ready").then().statusCode(status).body("status", equalTo(state));
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("readiness stayed " + last + ", expected " + status);
    }

    @Test
    void readinessGoesDownWithTheDatabaseAndUpAgainWithoutRestart() {
        String token = Tokens.forDemoUser("jili");
        awaitReadiness(200, "UP");
        given().get("/q/health/live").then().statusCode(200);
        ThrowawayPostgres.stopServer();
        try {
            awaitReadiness(503, "DOWN");
            // liveness stays up: the process is fine, only its dependency is gone
            given().get("/q/health/live").then().statusCode(200);
            Result during = GraphQLClient.post(token, "mutation { updateUnion(input: {id: 4103061, version: 0, chairName: \"停电中\"}) { id } }");
            assertEquals(503, during.status(), during::toString);
            assertEquals("UNAVAILABLE", during.errorCode(), during::toString);
        } finally {
            ThrowawayPostgres.startServer();
        }
        awaitReadiness(200, "UP");
        Result after = GraphQLClient.post(token, "{ union(id: 4103061) { chairName version } }");
        assertFalse(after.hasErrors(), after::toString);
        assertEquals("马丽", after.data("union.chairName"));
        assertEquals(0, (int) after.data("union.version"));
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from audit_event"));
        assertEquals(0, DemoData.inconsistentUnions(dataSource));
    }

    @Test
    void metricsIncludePerOperationGraphQLTimings() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("jili"), "query Breadcrumb { union(id: 4103061) { ancestors { name } } }",
                Map.of());
        assertFalse(result.hasErrors(), result::toString);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mp_graphql"))
                .body(containsString("http_server_requests_seconds"));
    }
}
