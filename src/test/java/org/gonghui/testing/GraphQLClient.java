package org.gonghui.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Posts GraphQL operations as a front-end would, accepting application/graphql-response+json. */
public final class GraphQLClient {

    public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private GraphQLClient() {
    }

    public static Result post(String token, String query) {
        return post(token, query, Map.of());
    }

    public static Result post(String token, String query, Map<String, Object> variables) {
        return post(token, query, variables, Map.of());
    }

    public static Result post(String token, String query, Map<String, Object> variables, Map<String, String> headers) {
        RequestSpecification request = given().contentType("application/json").accept(GRAPHQL_RESPONSE)
                .headers(headers)
                .body(Map.of("query", query, "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Response response = request.post("/graphql");
        return new Result(response.statusCode(), response.contentType(), response.asString());
    }

    /** One HTTP response of the GraphQL endpoint. */
    public record Result(int status, String contentType, String body) {

        public JsonPath json() {
            return JsonPath.from(body);
        }

        public List<Map<String, Object>> errors() {
            List<Map<String, Object>> errors = json().getList("errors");
            return errors == null ? List.of() : errors;
        }

        /** The code of the only error; fails when there is not exactly one. */
        public String errorCode() {
            List<Map<String, Object>> errors = errors();
            if (errors.size() != 1) {
                throw new AssertionError("expected exactly one error, got " + body);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
            return extensions == null ? null : (String) extensions.get("code");
        }

        public String errorMessage() {
            return (String) errors().get(0).get("message");
        }

        public <T> T data(String path) {
            return json().get("data." + path);
        }

        public boolean hasErrors() {
            return !errors().isEmpty();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
