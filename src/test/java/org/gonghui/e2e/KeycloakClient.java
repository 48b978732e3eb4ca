package org.gonghui.e2e;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * The running Keycloak as a front-end and an administrator use it: password-grant logins of the demo
 * users (client {@code gonghui-test}, password {@code demo}) and calls to the admin REST API.
 */
public final class KeycloakClient {

    public static final String TEST_CLIENT = "gonghui-test";
    public static final String DEMO_PASSWORD = "demo";
    /** A cached token is renewed when it has less than this left, so a long run never sends an expired one. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, AccessToken> CACHE = new ConcurrentHashMap<>();

    private KeycloakClient() {
    }

    /** An access token as issued: the compact JWT and its decoded claims. */
    public record AccessToken(String jwt, JsonObject claims) {

        public static AccessToken of(String jwt) {
            String[] parts = jwt.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a signed JWT: " + jwt);
            }
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            try (JsonReader reader = Json.createReader(new StringReader(payload))) {
                return new AccessToken(jwt, reader.readObject());
            }
        }

        public Instant expiresAt() {
            return Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue());
        }
    }

    /** The demo user's token from {@link #TEST_CLIENT}, one per user for the run (renewed before it expires). */
    public static String cachedToken(String realmUrl, String username) {
        return CACHE.compute(realmUrl + " " + username, (key, cached) -> cached != null
                && Instant.now().plus(RENEW_BEFORE_EXPIRY).isBefore(cached.expiresAt()) ? cached : login(realmUrl, TEST_CLIENT, username))
                .jwt();
    }

    /** A fresh login of a demo user with the password grant. */
    public static AccessToken login(String realmUrl, String clientId, String username) {
        return AccessToken.of(requestToken(realmUrl, clientId, username, DEMO_PASSWORD));
    }

    /** A token of Keycloak's bootstrap administrator, from the master realm's admin-cli client. */
    public static String adminToken(String keycloakUrl) {
        return requestToken(keycloakUrl + "/realms/master", "admin-cli", KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
    }

    private static String requestToken(String realmUrl, String clientId, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password).entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + username + " at " + realmUrl + " via " + clientId + " failed: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("access_token");
        }
    }

    /**
     * One call of the admin REST API as the bootstrap administrator; {@code path} follows {@code /admin/realms/}.
     * A status of 300 or above fails.
     */
    public static HttpResponse<String> admin(String keycloakUrl, String method, String path, JsonObject body) {
        return admin(keycloakUrl, method, path, body, null);
    }

    /** As {@link #admin(String, String, String, JsonObject)}, with a JSON array body when {@code array} is given. */
    public static HttpResponse<String> admin(String keycloakUrl, String method, String path, JsonObject body, JsonArray array) {
        String json = array != null ? array.toString() : body == null ? null : body.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken(keycloakUrl))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() >= 300) {
            throw new AssertionError("admin API " + method + " " + path + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /** The JSON object an admin API GET returns. */
    public static JsonObject adminGet(String keycloakUrl, String path) {
        try (JsonReader reader = Json.createReader(new StringReader(admin(keycloakUrl, "GET", path, null).body()))) {
            return reader.readObject();
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.uri(), e);
        }
    }
}
