package org.gonghui.dev;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only (the class is not part of a production build): signs tokens for the demo officials
 * of the demo Keycloak realm with the dev key that dev mode's OIDC configuration trusts, so the API
 * can be tried without running Keycloak. {@code curl localhost:8080/dev/tokens/jili}.
 */
@Path("/dev/tokens")
@PermitAll
@IfBuildProfile("dev")
public class DevTokenResource {

    @ConfigProperty(name = "gonghui.dev.realm-file", defaultValue = "src/main/keycloak/gonghui-demo-realm.json")
    String realmFile;

    @ConfigProperty(name = "gonghui.dev.signing-key-file", defaultValue = "src/main/dev/dev-signing-key.pem")
    String signingKeyFile;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    String issuer;

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    String audience;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list() throws IOException {
        StringBuilder text = new StringBuilder("Demo officials (GET /dev/tokens/{username} returns a bearer token valid 8 hours):\n");
        for (JsonObject user : users()) {
            text.append(String.format("  %-14s %-18s union_id=%-10s %s%n", user.getString("username"), roleOf(user),
                    unionIdOf(user).orElse("-"), user.getString("lastName", "") + " " + user.getString("firstName", "")));
        }
        return text.toString();
    }

    @GET
    @Path("{username}")
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@PathParam("username") String username) throws IOException, JoseException {
        JsonObject user = users().stream().filter(u -> u.getString("username").equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("No demo user " + username + "; GET /dev/tokens lists them"));
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject("dev-" + username);
        claims.setClaim("preferred_username", username);
        claims.setClaim("realm_access", Map.of("roles", List.of(roleOf(user))));
        unionIdOf(user).ifPresent(id -> claims.setClaim("union_id", Long.valueOf(id)));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(8 * 60);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private List<JsonObject> users() throws IOException {
        try (InputStream in = Files.newInputStream(java.nio.file.Path.of(realmFile)); JsonReader reader = Json.createReader(in)) {
            JsonArray users = reader.readObject().getJsonArray("users");
            List<JsonObject> result = new ArrayList<>();
            users.forEach(u -> result.add(u.asJsonObject()));
            return result;
        }
    }

    private static String roleOf(JsonObject user) {
        return user.getJsonArray("realmRoles").getString(0);
    }

    private static Optional<String> unionIdOf(JsonObject user) {
        JsonObject attributes = user.getJsonObject("attributes");
        if (attributes == null || !attributes.containsKey("union_id")) {
            return Optional.empty();
        }
        return Optional.of(attributes.getJsonArray("union_id").getString(0));
    }

    private PrivateKey signingKey() throws IOException {
        String pem = Files.readString(java.nio.file.Path.of(signingKeyFile), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("Unreadable dev signing key " + signingKeyFile, e);
        }
    }
}
