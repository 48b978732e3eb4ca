package org.gonghui.funds;

import org.gonghui.e2e.KeycloakProfile;
import org.gonghui.e2e.KeycloakServer;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The funds authorization matrix with the tokens a real Keycloak issues to the demo users (the base takes them from Keycloak under this profile). */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@EnabledIfSystemProperty(named = KeycloakServer.HOME_PROPERTY, matches = ".+", disabledReason = "needs a Keycloak: ./mvnw verify -Pkeycloak")
class KeycloakFundsAuthorizationMatrixIT extends FundsAuthorizationMatrixTests {
}
