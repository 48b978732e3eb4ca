package org.gonghui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * A dissolution or merge committed anywhere (here by a plain JDBC connection, as another replica
 * would) applies to the very next request: the union's officials get 401 UNAUTHENTICATED with the
 * reason, whether their token was issued before or after, and nothing they send runs.
 */
@QuarkusTestWithOidc
class ClosedUnionSignInTests {

    static final String RENAME = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id } }";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    /** What another replica does: its own connection, its own committed transaction. */
    static void commitElsewhere(String sql) throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "DISSOLVED", "MERGED" })
    void officialsOfAClosedUnionAreRefusedFromTheNextRequestOn(String status) throws SQLException {
        String issuedBefore = Tokens.forDemoUser("shunda");
        int version = (int) DemoData.queryLong(dataSource, "select version from trade_union where id = 41030612");
        Result before = GraphQLClient.post(issuedBefore, "{ me { union { id status } } }");
        assertFalse(before.hasErrors(), before::toString);
        assertEquals("ACTIVE", before.data("me.union.status"));

        commitElsewhere("update trade_union set status = '" + status + "' where id = 41030612");

        String fingerprint = DemoData.fingerprint(dataSource);
        String issuedAfter = Tokens.forDemoUser("shunda");
        for (String token : List.of(issuedBefore, issuedAfter)) {
            Result read = GraphQLClient.post(token, "{ me { union { id } } }");
            assertEquals(401, read.status(), read::toString);
            assertEquals("UNAUTHENTICATED", read.errorCode(), read::toString);
            assertTrue(read.errorMessage().contains(status), read::toString);
            assertNull(read.json().get("data"), read::toString);
            Result write = GraphQLClient.post(token, RENAME, Map.of("input", Map.of("id", 41030612, "version", version, "name", "改名后的工会")));
            assertEquals(401, write.status(), write::toString);
            assertEquals("UNAUTHENTICATED", write.errorCode(), write::toString);
        }
        assertEquals(fingerprint, DemoData.fingerprint(dataSource), "a refused official changed the database");

        // officials of other unions, the one above included, carry on
        Result above = GraphQLClient.post(Tokens.forDemoUser("heyang"), "query($id: ID!) { union(id: $id) { status } }", Map.of("id", 41030612));
        assertFalse(above.hasErrors(), above::toString);
        assertEquals(status, above.data("union.status"));
    }

    @Test
    void aUnionReopenedElsewhereAdmitsItsOfficialsAgainOnTheNextRequest() throws SQLException {
        commitElsewhere("update trade_union set status = 'DISSOLVED' where id = 41030612");
        assertEquals(401, GraphQLClient.post(Tokens.forDemoUser("shunda"), "{ me { tier } }").status());
        commitElsewhere("update trade_union set status = 'ACTIVE' where id = 41030612");
        Result again = GraphQLClient.post(Tokens.forDemoUser("shunda"), "{ me { tier } }");
        assertEquals(200, again.status(), again::toString);
        assertFalse(again.hasErrors(), again::toString);
    }
}
