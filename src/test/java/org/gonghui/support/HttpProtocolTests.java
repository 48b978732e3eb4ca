package org.gonghui.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** GraphQL over HTTP: media type, status codes for requests that cannot run, no internals in errors. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class HttpProtocolTests {

    static final String TOKEN = Tokens.forDemoUser("jili");

    @Test
    void executedRequestsAnswer200WithTheGraphQLResponseMediaType() {
        Result result = GraphQLClient.post(TOKEN, "{ me { tier } }");
        assertEquals(200, result.status());
        assertTrue(result.contentType().startsWith(GraphQLClient.GRAPHQL_RESPONSE), result.contentType());
    }

    @Test
    void fieldErrorsKeep200BecauseDataIsPresent() {
        Result result = GraphQLClient.post(TOKEN, "{ union(id: 22) { id } }");
        assertEquals(200, result.status());
        assertEquals("NOT_FOUND", result.errorCode());
    }

    @Test
    void syntaxErrorIs400WithACode() {
        Result result = GraphQLClient.post(TOKEN, "{ union(id: 1 { id } }");
        assertEquals(400, result.status(), result::toString);
        assertEquals("BAD_REQUEST", result.errorCode());
        assertTrue(result.errorMessage().contains("syntax"), result::toString);
    }

    @Test
    void documentThatFailsValidationIs400() {
        Result result = GraphQLClient.post(TOKEN, "{ union(id: 1) { noSuchField } }");
        assertEquals(400, result.status(), result::toString);
        assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().contains("noSuchField"), result::toString);
        assertFalse(result.body().contains("\"data\""), result::toString);
    }

    @Test
    void unparsableJsonIs400() {
        given().contentType("application/json").accept(GraphQLClient.GRAPHQL_RESPONSE).body("{\"query\": ")
                .post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("data", nullValue());
    }

    @Test
    void bodyWithoutQueryIs400() {
        given().contentType("application/json").accept(GraphQLClient.GRAPHQL_RESPONSE).body("{\"qeury\": \"{ me { tier } }\"}")
                .post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void invalidTokenIs401BeforeGraphQLRuns() {
        given().contentType("application/json").header("Authorization", "Bearer abc.def.ghi").body("{\"query\": \"{ me { tier } }\"}")
                .post("/graphql").then().statusCode(401);
    }

    @Test
    void errorsNeverCarryExceptionClassNames() {
        Result result = GraphQLClient.post(TOKEN, "{ unions(first: 1000) { totalCount } }");
        assertEquals("LIMIT_EXCEEDED", result.errorCode());
        assertFalse(result.body().contains("org.gonghui"), result::toString);
        assertFalse(result.body().contains("java."), result::toString);
        assertFalse(result.body().contains("\"exception\""), result::toString);
    }

    @Test
    void devTokenEndpointIsAbsentOutsideDevMode() {
        given().get("/dev/tokens").then().statusCode(404);
    }

    @Test
    void configuredBrowserOriginPassesThePreflight() {
        given().header("Origin", "https://console.example.gov.cn").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://console.example.gov.cn");
    }

    @Test
    void unknownBrowserOriginIsNotAllowed() {
        var response = given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .options("/graphql");
        assertTrue(response.statusCode() == 403 || response.header("Access-Control-Allow-Origin") == null, response::asString);
        assertEquals(null, response.header("Access-Control-Allow-Origin"));
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().header("X-Request-Id", "client-chosen-42").contentType("application/json").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql").then().header("X-Request-Id", "client-chosen-42");
        given().header("X-Request-Id", "bad id with spaces").contentType("application/json").body("{\"query\": \"{ __typename }\"}")
                .post("/graphql").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void healthIsPublic() {
        given().get("/q/health/ready").then().statusCode(200).body("status", startsWith("UP"));
    }
}
