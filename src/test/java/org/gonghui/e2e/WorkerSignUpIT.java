package org.gonghui.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.ConfigProvider;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A worker signs up in the realm as a workers' app would let them: Keycloak's registration form (reached
 * from the authorization endpoint of the public client with PKCE), the code exchanged for a token, and
 * {@code me} answers tier MEMBER with no membership yet. A {@code union_id} slipped into the form is
 * ignored: only an administrator sets it.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@EnabledIfSystemProperty(named = KeycloakServer.HOME_PROPERTY, matches = ".+", disabledReason = "needs a Keycloak: ./mvnw verify -Pkeycloak")
class WorkerSignUpIT {

    static final String CLIENT = "gonghui-web";
    /** Allowed for gonghui-web (http://localhost:*); never followed: the code is read from the redirect. */
    static final String REDIRECT = "http://localhost:18999/callback";
    private static final Pattern REGISTER_FORM = Pattern.compile("<form[^>]*id=\"kc-register-form\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * The cookies Keycloak sets, sent back as a browser would. Kept by hand: Keycloak marks its session
     * cookies Secure (SameSite=None), which java.net.CookieManager never returns over http, while browsers
     * do for a local host.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    @Test
    void workerRegistersThemselvesAndIsAMemberWithoutAUnion() throws Exception {
        String realmUrl = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String verifier = base64Url(randomBytes(32));
        String challenge = base64Url(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = base64Url(randomBytes(12));

        // 1. the app opens the registration page (Keycloak's registrations endpoint, like the authorization endpoint)
        HttpResponse<String> page = followGets(realmUrl + "/protocol/openid-connect/registrations?" + form(Map.of("client_id", CLIENT,
                "response_type", "code", "scope", "openid phone", "redirect_uri", REDIRECT, "state", state, "code_challenge", challenge,
                "code_challenge_method", "S256")));
        assertEquals(200, page.statusCode(), page::body);
        Matcher formTag = REGISTER_FORM.matcher(page.body());
        assertTrue(formTag.find(), () -> "no registration form: " + page.body());
        Matcher action = ACTION.matcher(formTag.group());
        assertTrue(action.find(), formTag::group);

        // 2. the worker fills it in (and tries to give themselves a union)
        String username = "rider" + System.nanoTime() % 1_000_000;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("email", "");
        fields.put("lastName", "赵");
        fields.put("firstName", "小骑");
        fields.put("phoneNumber", "13912345678");
        fields.put("password", "Qishou-2026!");
        fields.put("password-confirm", "Qishou-2026!");
        fields.put("union_id", "1");
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        assertEquals(302, submitted.statusCode(), () -> "registration not accepted: " + submitted.body());
        URI back = URI.create(submitted.headers().firstValue("Location").orElseThrow());
        assertTrue(back.toString().startsWith(REDIRECT), back::toString);
        Map<String, String> query = List.of(back.getRawQuery().split("&")).stream().map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertEquals(state, query.get("state"));

        // 3. the app exchanges the code (PKCE) for tokens
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code", "code", query.get("code"), "redirect_uri", REDIRECT, "client_id", CLIENT,
                        "code_verifier", verifier)))));
        assertEquals(200, tokens.statusCode(), tokens::body);
        String accessToken;
        try (JsonReader reader = Json.createReader(new StringReader(tokens.body()))) {
            accessToken = reader.readObject().getString("access_token");
        }
        KeycloakClient.AccessToken token = KeycloakClient.AccessToken.of(accessToken);
        assertFalse(token.claims().containsKey("union_id"), () -> "a self-registered user got a union: " + token.claims());
        assertEquals("13912345678", token.claims().getString("phone_number"), token.claims()::toString);
        List<String> roles = token.claims().getJsonObject("realm_access").getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertTrue(roles.contains("member"), roles::toString);
        assertTrue(roles.stream().noneMatch(r -> r.endsWith("-admin")), roles::toString);

        // 4. and calls the API: a member, no membership linked yet
        Result me = GraphQLClient.post(accessToken, "{ me { subject username tier union { id } membership { id card { number } } } }");
        assertFalse(me.hasErrors(), me::toString);
        assertEquals("MEMBER", me.data("me.tier"));
        assertEquals(username, me.data("me.username"));
        assertEquals(token.claims().getString("sub"), me.data("me.subject"));
        assertNull(me.data("me.union"), me::toString);
        assertNull(me.data("me.membership"), me::toString);
        // an official's operation stays closed to them
        Result unions = GraphQLClient.post(accessToken, "{ unions(first: 1) { totalCount } }");
        assertEquals("FORBIDDEN", unions.errorCode(), unions::toString);
    }

    /** GETs, following redirects by hand so the cookies of every hop are kept. */
    private HttpResponse<String> followGets(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String[] pair = header.split(";", 2)[0].split("=", 2);
                if (pair.length < 2 || pair[1].isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(pair[0].trim());
                } else {
                    cookies.put(pair[0].trim(), pair[1].trim());
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
