package org.gonghui.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.dev.DemoDataLoader;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged application with {@code gonghui.demo.load=true}: the %prod profile (Flyway with
 * db/migration only, as the production jar is built) on an empty database gets the demo hierarchy,
 * members and sites, so the demo realm's users work; a database holding other data is refused.
 */
@QuarkusTestWithOidc
@TestProfile(DemoDataLoadTests.ProductionWithDemo.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataLoadTests {

    public static class ProductionWithDemo extends ProductionProfileTests.Production {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmptyDatabase.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/" + EmptyDatabase.NAME);
            config.put("gonghui.demo.load", "true");
            return config;
        }
    }

    /** A fresh database of this test's own. */
    public static class EmptyDatabase implements QuarkusTestResourceLifecycleManager {
        static final String NAME = "gonghui_demoload";

        @Override
        public Map<String, String> start() {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + NAME);
                s.execute("create database " + NAME);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    DemoDataLoader loader;

    @Test
    @Order(1)
    void theDemoHierarchyMembersAndSitesLoadIntoAnEmptyDatabase() {
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from flyway_schema_history where script like 'R__demo%'"),
                "the demo data came from the flag, not from Flyway");
        for (Tokens.DemoUser user : Tokens.demoUsers()) {
            Result me = GraphQLClient.post(Tokens.forDemoUser(user.username()), "{ me { union { id } } }");
            assertEquals(200, me.status(), me::toString);
            assertFalse(me.hasErrors(), me::toString);
        }
        Result members = GraphQLClient.post(Tokens.forDemoUser("quanzong"), "{ members { totalCount } }");
        assertFalse(members.hasErrors(), members::toString);
        assertEquals(DemoData.queryLong(dataSource, "select count(*) from membership"),
                ((Number) members.data("members.totalCount")).longValue());
        assertTrue(DemoData.queryLong(dataSource, "select count(*) from membership") > 0);
        Result sites = GraphQLClient.post(null, "{ nearestSites(latitude: 34.9, longitude: 112.58, radiusKm: 5) { edges { node { id } } } }");
        assertFalse(sites.hasErrors(), sites::toString);
        assertFalse(sites.json().getList("data.nearestSites.edges").isEmpty(), sites::toString);
    }

    @Test
    @Order(2)
    void loadingAgainIntoTheDemoDataChangesNothing() {
        String before = DemoData.fingerprint(dataSource);
        long people = DemoData.queryLong(dataSource, "select count(*) from person");
        loader.loadIntoEmptyDatabase();
        assertEquals(before, DemoData.fingerprint(dataSource));
        assertEquals(people, DemoData.queryLong(dataSource, "select count(*) from person"));
    }

    @Test
    @Order(3)
    void aDatabaseHoldingOtherDataIsRefused() {
        Result created = GraphQLClient.post(Tokens.forDemoUser("quanzong"),
                "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }",
                Map.of("input", Map.of("parentId", 1, "level", "PROVINCIAL", "kind", "GENERAL_FEDERATION", "name", "新疆维吾尔自治区总工会",
                        "regionCode", "650000")));
        assertFalse(created.hasErrors(), created::toString);
        String before = DemoData.fingerprint(dataSource);
        IllegalStateException refused = assertThrows(IllegalStateException.class, loader::loadIntoEmptyDatabase);
        assertTrue(refused.getMessage().contains("gonghui.demo.load") && refused.getMessage().contains("empty database"), refused.getMessage());
        assertEquals(before, DemoData.fingerprint(dataSource));
    }
}
