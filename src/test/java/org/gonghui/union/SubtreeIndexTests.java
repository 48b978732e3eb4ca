package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.QuarkusTestWithOidc;
import org.junit.jupiter.api.Test;


/**
 * "Everything under X" must be answerable from an index at national scale, also from a generic
 * prepared plan (the JDBC driver prepares statements on the server after a few executions). The
 * demo data is too small for the planner to prefer an index on its own, so sequential scans are
 * switched off to show that the index can serve the condition at all (a condition it cannot serve
 * would still be scanned in full).
 */
@QuarkusTestWithOidc
class SubtreeIndexTests {

    @Inject
    DataSource dataSource;

    private String plan(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local enable_seqscan = off");
            // the plan a prepared statement may be given after a few executions, without its values
            s.execute("set local plan_cache_mode = force_generic_plan");
            s.execute("prepare subtree(text, text) as select * from trade_union where path >= $1 and path < $2 order by path limit 51");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            s.execute("deallocate subtree");
            c.rollback();
            return plan.toString();
        }
    }

    @Test
    void subtreeRangeUsesThePathIndexInTreeOrder() throws SQLException {
        String plan = plan("select * from trade_union where path >= '/1/41/' and path < '/1/410' order by path limit 51");
        assertTrue(plan.contains("Index Cond: ((path >= '/1/41/'::text) AND (path < '/1/410'::text))"), plan);
        assertFalse(plan.contains("Sort"), "tree order should come from the index: " + plan);
    }

    @Test
    void subtreeRangeUsesThePathIndexInAGenericPreparedPlan() throws SQLException {
        String plan = plan("execute subtree('/1/41/', '/1/410')");
        assertTrue(plan.contains("Index Cond: ((path >= $1) AND (path < $2))"), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void childrenOfAUnionUseTheParentIndex() throws SQLException {
        String plan = plan("select * from trade_union where parent_id = 410306 and id > 0 order by id limit 6");
        assertTrue(plan.contains("trade_union_parent_idx"), plan);
    }
}
