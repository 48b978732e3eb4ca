package org.gonghui.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The rate-limited row of the README's status table: 429 whatever the Accept header asks for. */
@QuarkusTestWithOidc
@TestProfile(RateLimitTests.ThreePerMinute.class)
class RateLimitedStatusTests {

    /** A stale version: the mutation is refused with CONFLICT and changes nothing, but it still takes a token. */
    static final String STALE_UPDATE = "mutation { updateUnion(input: {id: 4103061, version: -1, chairName: \"甲\"}) { id } }";

    @Inject
    DataSource dataSource;

    @BeforeEach
    @AfterEach
    void emptyBuckets() {
        DemoData.execute(dataSource, "truncate rate_limit_bucket");
    }

    private static Response post(String accept) {
        return given().contentType("application/json").header("Accept", accept).header("Authorization", "Bearer " + Tokens.forDemoUser("kangle"))
                .body(Map.of("query", STALE_UPDATE)).post("/graphql");
    }

    @Test
    void rateLimitedIs429ForEveryAcceptType() {
        String before = DemoData.fingerprint(dataSource);
        Response last = null;
        for (int i = 0; i < 5 && (last == null || last.statusCode() != 429); i++) {
            last = post(GraphQLClient.GRAPHQL_RESPONSE);
        }
        assertEquals(429, last.statusCode(), last.asString());
        for (String accept : List.of(GraphQLClient.GRAPHQL_RESPONSE, "application/json", "*/*")) {
            Response response = post(accept);
            assertEquals(429, response.statusCode(), () -> accept + ": " + response.asString());
            assertEquals("RATE_LIMITED", response.jsonPath().getString("errors[0].extensions.code"), response::asString);
            assertNotNull(response.header("Retry-After"));
            assertTrue(response.contentType().startsWith(accept.equals("*/*") ? "application/json" : accept), response::contentType);
            assertNull(response.jsonPath().get("data.updateUnion"), response::asString);
        }
        assertEquals(before, DemoData.fingerprint(dataSource));
    }
}
