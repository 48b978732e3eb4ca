package org.gonghui.e2e;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service against a real Keycloak: its own Quarkus start with {@link KeycloakServer} as the only
 * test resource, so the WireMock OIDC server that the other tests share is neither started nor trusted.
 */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakServer.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
