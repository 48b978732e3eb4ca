package org.gonghui.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed tokens for tests, verified by quarkus-oidc against the WireMock OIDC server's keys.
 * Demo officials come from the demo Keycloak realm file, the same source dev mode uses.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "gonghui-api";
    private static final Path DEMO_REALM = Path.of("src/main/keycloak/gonghui-demo-realm.json");

    private Tokens() {
    }

    /** A demo user of the demo realm: login name, its one realm role, its union (null for members). */
    public record DemoUser(String username, String role, Long unionId) {
    }

    public static List<DemoUser> demoUsers() {
        try (InputStream in = Files.newInputStream(DEMO_REALM); JsonReader reader = Json.createReader(in)) {
            List<DemoUser> users = new ArrayList<>();
            for (var value : reader.readObject().getJsonArray("users")) {
                JsonObject user = value.asJsonObject();
                JsonObject attributes = user.getJsonObject("attributes");
                Long unionId = attributes != null && attributes.containsKey("union_id")
                        ? Long.valueOf(attributes.getJsonArray("union_id").getString(0))
                        : null;
                users.add(new DemoUser(user.getString("username"), user.getJsonArray("realmRoles").getString(0), unionId));
            }
            return users;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DemoUser demoUser(String username) {
        return demoUsers().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }

    /** A valid token for a demo user of the demo realm. */
    public static String forDemoUser(String username) {
        DemoUser user = demoUser(username);
        return token(username, List.of(user.role()), user.unionId()).sign("privateKey.jwk");
    }

    /** Claims as Keycloak issues them: realm roles under realm_access, union_id as a number. */
    public static JwtClaimsBuilder token(String username, List<String> roles, Object unionId) {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("sub-" + username)
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(5));
        if (unionId != null) {
            claims.claim("union_id", unionId);
        }
        return claims;
    }

    public static String signed(JwtClaimsBuilder claims) {
        return claims.sign("privateKey.jwk");
    }

    /** Signed with a key the OIDC server never published, under the published key id. */
    public static String signedWithForeignKey(JwtClaimsBuilder claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey foreign = generator.generateKeyPair().getPrivate();
            return claims.jws().keyId("1").sign(foreign);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
