package org.gonghui.operations;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the service on a PostgreSQL cluster that the test may stop and start. */
public class ThrowawayDatabaseProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ThrowawayPostgres.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        // give up on a dead database quickly, so readiness answers within its own timeout
        return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }
}
