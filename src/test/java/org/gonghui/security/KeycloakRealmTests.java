package org.gonghui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;


/** The shipped Keycloak realms agree with the API and with each other. */
@QuarkusTestWithOidc
class KeycloakRealmTests {

    @Inject
    DataSource dataSource;

    private static JsonObject realm(String file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/keycloak", file)); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        }
    }

    private static Set<String> names(JsonObject realm, String arrayPath, String key) {
        var value = arrayPath.contains("/") ? realm.getValue("/" + arrayPath) : realm.get(arrayPath);
        return value.asJsonArray().stream().map(v -> v.asJsonObject().getString(key)).collect(Collectors.toSet());
    }

    private static JsonObject userProfile(JsonObject realm) {
        String config = realm.getJsonObject("components").getJsonArray("org.keycloak.userprofile.UserProfileProvider").getJsonObject(0)
                .getJsonObject("config").getJsonArray("kc.user.profile.config").getString(0);
        try (JsonReader reader = Json.createReader(new StringReader(config))) {
            return reader.readObject();
        }
    }

    private static JsonObject attribute(JsonObject profile, String name) {
        return profile.getJsonArray("attributes").stream().map(JsonValue::asJsonObject).filter(a -> a.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no user profile attribute " + name));
    }

    @Test
    void workersSignUpThemselvesAsMembersOnlyAndCannotGiveThemselvesAUnion() throws IOException {
        for (String file : new String[] { "gonghui-realm.json", "gonghui-demo-realm.json" }) {
            JsonObject realm = realm(file);
            assertTrue(realm.getBoolean("registrationAllowed"), file);
            // the default role of every new user grants member and no official tier
            String defaultRole = realm.getJsonObject("defaultRole").getString("name");
            JsonObject composite = realm.getJsonObject("roles").getJsonArray("realm").stream().map(JsonValue::asJsonObject)
                    .filter(r -> r.getString("name").equals(defaultRole)).findFirst().orElseThrow();
            Set<String> granted = composite.getJsonObject("composites").getJsonArray("realm").stream()
                    .map(v -> ((JsonString) v).getString()).collect(Collectors.toSet());
            assertTrue(granted.contains(Tier.MEMBER.role()), file + ": " + granted);
            for (Tier tier : Tier.values()) {
                assertTrue(tier == Tier.MEMBER || !granted.contains(tier.role()), file + " grants " + tier.role() + " by default");
            }
            assertFalse(composite.getJsonObject("composites").containsKey("client"), file);
            // the sign-up form: name and mobile phone; union_id only ever set by an administrator
            JsonObject profile = userProfile(realm);
            assertEquals("ADMIN_EDIT", profile.getString("unmanagedAttributePolicy"), file);
            JsonObject unionId = attribute(profile, "union_id");
            assertEquals(Set.of("admin"), unionId.getJsonObject("permissions").getJsonArray("edit").stream()
                    .map(v -> ((JsonString) v).getString()).collect(Collectors.toSet()), file);
            for (String name : new String[] { "firstName", "lastName", "phoneNumber" }) {
                assertTrue(attribute(profile, name).getJsonObject("permissions").getJsonArray("edit").toString().contains("\"user\""), file + " " + name);
            }
            assertEquals("^1[3-9][0-9]{9}$", attribute(profile, "phoneNumber").getJsonObject("validations").getJsonObject("pattern").getString("pattern"));
        }
        assertEquals(userProfile(realm("gonghui-realm.json")), userProfile(realm("gonghui-demo-realm.json")), "the demo realm's sign-up form is production's");
    }

    @Test
    void realmsDeclareExactlyTheSevenTierRoles() throws IOException {
        Set<String> tiers = Arrays.stream(Tier.values()).map(Tier::role).collect(Collectors.toSet());
        for (String file : new String[] { "gonghui-realm.json", "gonghui-demo-realm.json" }) {
            Set<String> roles = names(realm(file), "roles/realm", "name");
            assertTrue(roles.containsAll(tiers), file + " lacks tier roles: " + roles);
        }
    }

    @Test
    void productionRealmHasNoUsersAndNoPasswordGrant() throws IOException {
        JsonObject production = realm("gonghui-realm.json");
        assertFalse(production.containsKey("users") && !production.getJsonArray("users").isEmpty(), "production realm ships users");
        for (JsonValue client : production.getJsonArray("clients")) {
            assertFalse(client.asJsonObject().getBoolean("directAccessGrantsEnabled", false),
                    "password grant enabled on " + client.asJsonObject().getString("clientId"));
        }
        JsonObject web = production.getJsonArray("clients").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("clientId").equals("gonghui-web")).findFirst().orElseThrow();
        assertEquals("S256", web.getJsonObject("attributes").getString("pkce.code.challenge.method"));
        Set<String> mappers = web.getJsonArray("protocolMappers").stream().map(m -> m.asJsonObject().getString("protocolMapper"))
                .collect(Collectors.toSet());
        assertTrue(mappers.containsAll(Set.of("oidc-usermodel-attribute-mapper", "oidc-audience-mapper")), mappers::toString);
    }

    @Test
    void demoRealmExtendsTheProductionRealm() throws IOException {
        JsonObject production = realm("gonghui-realm.json");
        JsonObject demo = realm("gonghui-demo-realm.json");
        assertEquals(production.getString("realm"), demo.getString("realm"));
        assertTrue(names(demo, "clients", "clientId").containsAll(names(production, "clients", "clientId")));
        assertTrue(names(demo, "clients", "clientId").contains("gonghui-test"));
    }

    @Test
    void everyDemoOfficialIsBoundToASeededUnionOfTheirTier() {
        for (Tokens.DemoUser user : Tokens.demoUsers()) {
            Tier tier = Tier.ofRole(user.role()).orElseThrow();
            if (tier == Tier.MEMBER) {
                assertEquals(null, user.unionId(), user::toString);
                continue;
            }
            assertNotNull(user.unionId(), user::toString);
            assertEquals(tier.unionLevel().orElseThrow().name(),
                    DemoData.queryString(dataSource, "select level from trade_union where id = " + user.unionId()), user::toString);
        }
        assertTrue(Tokens.demoUsers().size() >= 7);
    }
}
