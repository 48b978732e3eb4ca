package org.gonghui.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;
import jakarta.json.Json;

import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.http.TestHTTPResource;

/** GraphQL over HTTP: media type, status codes for requests that cannot run, no internals in errors. */
@QuarkusTestWithOidc
class HttpProtocolTests {

    static final String TOKEN = Tokens.forDemoUser("jili");
    /** Looks like a mobile number: no error may repeat it. */
    static final String PERSONAL = "13800138000";

    @Inject
    RequestLimits limits;

    @TestHTTPResource("/")
    URL base;

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
        assertEquals(List.of(Map.of("line", 1, "column", 15)), result.errors().get(0).get("locations"), result::toString);
    }

    @Test
    void syntaxErrorGivesThePositionNotTheTextTheCallerTyped() {
        Result result = GraphQLClient.post(TOKEN, "{ members(filter: {phone: \"" + PERSONAL + "\" }) { totalCount } } }");
        assertEquals(400, result.status(), result::toString);
        assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().contains("line 1"), result::toString);
        assertFalse(result.body().contains(PERSONAL), result::toString);
        assertFalse(result.body().contains("offending"), result::toString);
    }

    @Test
    void validationErrorNamesTheArgumentButNotTheValueNorGraphQLJavaInternals() {
        Result result = GraphQLClient.post(TOKEN, "{ members(filter: {nameContains: " + PERSONAL + "}) { totalCount } }");
        assertEquals(400, result.status(), result::toString);
        assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith("filter.nameContains: "), result::toString);
        assertFalse(result.body().contains(PERSONAL), result::toString);
        assertFalse(result.body().contains("IntValue"), result::toString);
        assertFalse(result.body().contains("Validation error ("), result::toString);
        assertFalse(result.body().contains("WrongType"), result::toString);
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

    /** Bodies that are not a GraphQL-over-HTTP request; none may name a value it carried. */
    private static String malformedBody(String name) {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        return switch (name) {
            case "variables a string" -> "{\"query\": \"{ __typename }\", \"variables\": \"" + PERSONAL + "\"}";
            case "variables an array" -> "{\"query\": \"{ __typename }\", \"variables\": [\"" + PERSONAL + "\"]}";
            case "variables a number" -> "{\"query\": \"{ __typename }\", \"variables\": " + PERSONAL + "}";
            case "empty body" -> "";
            case "JSON nested 100,000 deep" -> deep;
            case "variables nested 100,000 deep" -> "{\"query\": \"{ __typename }\", \"variables\": {\"a\": " + deep + "}}";
            case "object nested 100,000 deep" -> "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000);
            case "query a number" -> "{\"query\": " + PERSONAL + "}";
            case "query missing, extensions only" -> "{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"ab\"}}}";
            case "operationName a number" -> "{\"query\": \"{ __typename }\", \"operationName\": " + PERSONAL + "}";
            case "extensions a string" -> "{\"query\": \"{ __typename }\", \"extensions\": \"" + PERSONAL + "\"}";
            case "extensions an array" -> "{\"query\": \"{ __typename }\", \"extensions\": [1]}";
            case "a JSON array" -> "[{\"query\": \"{ __typename }\"}]";
            case "not JSON" -> "query=" + PERSONAL;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "variables a string", "variables an array", "variables a number", "empty body", "JSON nested 100,000 deep",
            "variables nested 100,000 deep", "object nested 100,000 deep", "query a number", "query missing, extensions only",
            "operationName a number", "extensions a string", "extensions an array", "a JSON array", "not JSON" })
    void malformedRequestIs400BadRequestWithTheGraphQLErrorBodyForEveryAcceptType(String name) throws Exception {
        String body = malformedBody(name);
        for (String accept : List.of(GraphQLClient.GRAPHQL_RESPONSE, "application/json", "*/*", "")) {
            Result result = send("application/json", accept, null, body);
            assertEquals(400, result.status(), () -> name + " " + accept + ": " + result);
            assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
            assertNull(result.json().get("data"), result::toString);
            assertFalse(result.body().contains(PERSONAL), result::toString);
            assertTrue(result.contentType().startsWith(accept.equals(GraphQLClient.GRAPHQL_RESPONSE) ? accept : "application/json"),
                    result::contentType);
        }
    }

    @Test
    void getIsRefusedWith405AndTheGraphQLErrorBodyWhateverItsParameters() throws IOException, InterruptedException {
        for (String parameters : List.of("query=%7B__typename%7D", "query=%7B__typename%7D&variables=" + PERSONAL,
                "query=%7B__typename%7D&variables=%5B1%5D", "query=%7B__typename%7D&variables=%7B")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("graphql?" + parameters))
                    .header("Accept", GraphQLClient.GRAPHQL_RESPONSE).GET().build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            Result result = new Result(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
            assertEquals(405, result.status(), result::toString);
            assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"), result::toString);
            assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
            assertNull(result.json().get("data"), result::toString);
            assertFalse(result.body().contains(PERSONAL), result::toString);
        }
    }

    @Test
    void postWithoutJsonContentTypeIs415() throws Exception {
        String body = "{\"query\": \"{ __typename }\"}";
        for (String type : List.of("", "text/plain", "application/graphql", "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1")) {
            Result result = send(type, GraphQLClient.GRAPHQL_RESPONSE, null, body);
            assertEquals(415, result.status(), () -> type + ": " + result);
            assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
            assertNull(result.json().get("data"), result::toString);
        }
    }

    @Test
    void acceptThatAllowsNeitherJsonTypeIs406() throws Exception {
        for (String accept : List.of("text/html", "application/xml", "application/json;q=0", "application/json; charset=utf-16")) {
            Result result = post(accept, null, "{ __typename }");
            assertEquals(406, result.status(), () -> accept + ": " + result);
            assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
            assertNull(result.json().get("data"), result::toString);
            assertTrue(result.contentType().startsWith("application/json"), result::contentType);
        }
    }

    @ParameterizedTest(name = "Accept {0} is answered in {1}")
    @CsvSource(delimiter = '|', value = {
            "|application/json",
            "*/*|application/json",
            "application/*|application/json",
            "application/json|application/json",
            "application/json; charset=utf-8|application/json",
            "application/graphql-response+json|application/graphql-response+json",
            "application/graphql-response+json, application/json;q=0.9|application/graphql-response+json",
            "application/json, application/graphql-response+json;q=0.5|application/json",
            "text/html, application/graphql-response+json;q=0.8|application/graphql-response+json" })
    void responseMediaTypeFollowsTheAcceptHeader(String accept, String answered) throws Exception {
        Result result = post(accept == null ? "" : accept, null, "{ __typename }");
        assertEquals(200, result.status(), result::toString);
        assertTrue(result.contentType().startsWith(answered), result::contentType);
        assertEquals("Query", result.data("__typename"), result::toString);
        assertFalse(result.hasErrors(), result::toString);
    }

    /**
     * A POST with exactly the headers given, none when empty: RestAssured would add an Accept of its
     * own, and its request log pretty-prints a body nested 100,000 deep until the heap runs out.
     */
    private Result send(String contentType, String accept, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve("graphql"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Result(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private Result post(String accept, String token, String query) throws IOException, InterruptedException {
        return send("application/json", accept, token, Json.createObjectBuilder().add("query", query).build().toString());
    }

    /** One request of each error kind of the README's status table. */
    private Result request(String kind, String accept) throws IOException, InterruptedException {
        String query = switch (kind) {
            case "parse" -> "{ me { tier }";
            case "validation" -> "{ me { noSuchField } }";
            case "limit" -> "{" + aliases(31) + " }";
            case "unauthenticated", "execution" -> "{ union(id: 22) { id } }";
            default -> throw new IllegalArgumentException(kind);
        };
        return post(accept, kind.equals("unauthenticated") ? "abc.def.ghi" : TOKEN, query);
    }

    private static String aliases(int count) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < count; i++) {
            query.append(" a").append(i).append(": me { tier }");
        }
        return query.toString();
    }

    @ParameterizedTest(name = "{0} with Accept ''{1}'' is {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "parse|''|200|BAD_REQUEST", "parse|*/*|200|BAD_REQUEST", "parse|application/json|200|BAD_REQUEST",
            "parse|application/graphql-response+json|400|BAD_REQUEST",
            "validation|''|200|BAD_REQUEST", "validation|*/*|200|BAD_REQUEST", "validation|application/json|200|BAD_REQUEST",
            "validation|application/graphql-response+json|400|BAD_REQUEST",
            "limit|''|200|LIMIT_EXCEEDED", "limit|*/*|200|LIMIT_EXCEEDED", "limit|application/json|200|LIMIT_EXCEEDED",
            "limit|application/graphql-response+json|400|LIMIT_EXCEEDED",
            "unauthenticated|''|401|UNAUTHENTICATED", "unauthenticated|*/*|401|UNAUTHENTICATED",
            "unauthenticated|application/json|401|UNAUTHENTICATED",
            "unauthenticated|application/graphql-response+json|401|UNAUTHENTICATED",
            "execution|''|200|NOT_FOUND", "execution|*/*|200|NOT_FOUND", "execution|application/json|200|NOT_FOUND",
            "execution|application/graphql-response+json|200|NOT_FOUND" })
    void statusFollowsTheReadmeTableForEachAcceptTypeAndErrorKind(String kind, String accept, int status, String code) throws Exception {
        Result result = request(kind, accept);
        assertEquals(status, result.status(), result::toString);
        assertEquals(code, result.errorCode(), result::toString);
        String type = accept.equals(GraphQLClient.GRAPHQL_RESPONSE) ? GraphQLClient.GRAPHQL_RESPONSE : "application/json";
        assertTrue(result.contentType().startsWith(type), result::contentType);
        if (kind.equals("execution")) {
            assertTrue(result.json().getMap("data").containsKey("union"), result::toString);
            assertNull(result.data("union"), result::toString);
        } else {
            assertFalse(result.body().contains("\"data\""), result::toString);
        }
    }

    @Test
    void parsingValidationAndLimitChecksNeverRunOnAnEventLoopThread() {
        Map<String, Boolean> onEventLoop = new ConcurrentHashMap<>();
        GraphQLRequestGuard.stepListener = (step, eventLoop) -> onEventLoop.merge(step, eventLoop, Boolean::logicalOr);
        try {
            // a comment makes the text new, so the document is parsed and validated, not taken from the cache
            Result result = GraphQLClient.post(TOKEN, "{ me { tier } } # " + System.nanoTime());
            assertEquals(200, result.status(), result::toString);
            assertFalse(result.hasErrors(), result::toString);
            Result refused = GraphQLClient.post(TOKEN, "{" + aliases(31) + " } # " + System.nanoTime());
            assertEquals("LIMIT_EXCEEDED", refused.errorCode(), refused::toString);
        } finally {
            GraphQLRequestGuard.stepListener = (step, eventLoop) -> {
            };
        }
        assertEquals(Set.of("json", "parse", "validate", "limits"), onEventLoop.keySet());
        assertEquals(Map.of("json", false, "parse", false, "validate", false, "limits", false), onEventLoop);
    }

    @Test
    void aDocumentWhoseCheckIsStuckDoesNotHoldUpOtherCallers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean stuckInParse = new AtomicBoolean();
        GraphQLRequestGuard.stepListener = (step, eventLoop) -> {
            if (step.equals("parse") && stuckInParse.compareAndSet(false, true)) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExecutorService callers = Executors.newFixedThreadPool(9);
        try {
            Future<Result> stuck = callers.submit(() -> post(GraphQLClient.GRAPHQL_RESPONSE, TOKEN, "{ me { tier } } # " + System.nanoTime()));
            for (int i = 0; i < 100 && !stuckInParse.get(); i++) {
                Thread.sleep(50);
            }
            assertTrue(stuckInParse.get(), "the first document never reached its parse step");
            // eight callers on fresh connections: spread round-robin over every event loop, the stuck request's too
            List<Future<Result>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(callers.submit(() -> post(GraphQLClient.GRAPHQL_RESPONSE, null, "{ __typename }")));
            }
            for (Future<Result> other : others) {
                Result result = other.get(10, TimeUnit.SECONDS);
                assertEquals(200, result.status(), result::toString);
                assertEquals("Query", result.data("__typename"), result::toString);
                assertFalse(result.hasErrors(), result::toString);
            }
            assertFalse(stuck.isDone(), "the stuck document was answered before its check was released");
            release.countDown();
            Result released = stuck.get(10, TimeUnit.SECONDS);
            assertEquals(200, released.status(), released::toString);
            assertFalse(released.hasErrors(), released::toString);
        } finally {
            release.countDown();
            GraphQLRequestGuard.stepListener = (step, eventLoop) -> {
            };
            callers.shutdownNow();
        }
    }

    /** Opens a raw connection, announces a 100-byte body and sends {@code sent} bytes of it; returns what came back and when. */
    private String trickle(int sent, long pauseMillis, long[] closedAfterMillis) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) limits.bodyTimeout().multipliedBy(3).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: application/graphql-response+json\r\nContent-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < sent; i++) {
                        out.write(i == 0 ? '{' : ' ');
                        out.flush();
                        Thread.sleep(pauseMillis);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection: what this test waits for
                }
            });
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            closedAfterMillis[0] = Duration.ofNanos(System.nanoTime() - start).toMillis();
            writer.interrupt();
            return answer;
        }
    }

    @Test
    void aBodyThatStopsAfterOneByteGets408AndTheConnectionClosesAtTheBodyTimeout() throws IOException {
        long[] closedAfter = new long[1];
        String answer = trickle(1, 0, closedAfter);
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(answer.contains("\"code\":\"BAD_REQUEST\""), answer);
        long timeout = limits.bodyTimeout().toMillis();
        assertTrue(closedAfter[0] >= timeout - 200 && closedAfter[0] < timeout + 2_000, () -> "closed after " + closedAfter[0] + " ms");
        assertTrue(timeout < 15_000);
    }

    @Test
    void aBodyTrickledInByteByByteIsCutOffAtTheSameDeadline() throws IOException {
        long[] closedAfter = new long[1];
        long timeout = limits.bodyTimeout().toMillis();
        // one byte every 300 ms would keep any idle timeout from firing; 99 of them would take 30 s
        String answer = trickle(99, 300, closedAfter);
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(closedAfter[0] < timeout + 2_000, () -> "closed after " + closedAfter[0] + " ms");
    }

    @Test
    void bodyOverOneMebibyteIs413WithTheGraphQLErrorBody() throws Exception {
        String body = "{\"query\": \"{ __typename }\", \"variables\": {\"a\": \"" + "x".repeat(GraphQLRequestGuard.MAX_BODY_BYTES) + "\"}}";
        Result result = send("application/json", GraphQLClient.GRAPHQL_RESPONSE, null, body);
        assertEquals(413, result.status(), result::toString);
        assertEquals("LIMIT_EXCEEDED", result.errorCode(), result::toString);
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
