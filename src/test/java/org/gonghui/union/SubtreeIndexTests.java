package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * "Everything under X" must be answerable from an index at national scale. The demo data is too
 * small for the planner to prefer an index on its own, so sequential scans are switched off to
 * show that the path index can serve the prefix condition at all (a pattern it cannot serve would
 * still be a sequential scan).
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class SubtreeIndexTests {

    @Inject
    DataSource dataSource;

    private String plan(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            return plan.toString();
        }
    }

    @Test
    void subtreePrefixMatchUsesThePathIndex() throws SQLException {
        String plan = plan("select * from trade_union where path like '/1/41/%' order by path limit 51");
        assertTrue(plan.contains("trade_union_path_key"), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
        assertFalse(plan.contains("Sort"), "tree order should come from the index: " + plan);
    }

    @Test
    void childrenOfAUnionUseTheParentIndex() throws SQLException {
        String plan = plan("select * from trade_union where parent_id = 410306 and id > 0 order by id limit 6");
        assertTrue(plan.contains("trade_union_parent_idx"), plan);
    }
}
