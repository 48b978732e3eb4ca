package org.gonghui.statistics;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gonghui.e2e.KeycloakClient;
import org.gonghui.e2e.KeycloakProfile;
import org.gonghui.e2e.KeycloakServer;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The statistics, workforce and target authorization matrix with the tokens a real Keycloak issues to the demo users. */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@EnabledIfSystemProperty(named = KeycloakServer.HOME_PROPERTY, matches = ".+", disabledReason = "needs a Keycloak: ./mvnw verify -Pkeycloak")
class KeycloakStatisticsAuthorizationMatrixIT extends StatisticsAuthorizationMatrixTests {

    @Inject
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    /** Logs the demo user in with the password grant, once per user for the run. */
    @Override
    protected String tokenFor(String username) {
        return KeycloakClient.cachedToken(realmUrl, username);
    }
}
