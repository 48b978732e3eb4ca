package org.gonghui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.gonghui.testing.GraphQLClient.Result;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * How many SQL statements one GraphQL request prepares, counted with Hibernate's statistics (the
 * token's scope lookup is one more plain JDBC statement per request, outside these counts).
 */
public final class StatementCount {

    private StatementCount() {
    }

    /** One counted request: its response and the statements it prepared. */
    public record Counted(Result result, long statements) {

        /** The end cursor of the connection at {@code path} (e.g. {@code data.members}). */
        public String endCursor(String path) {
            return result.json().getString(path + ".pageInfo.endCursor");
        }
    }

    /** Posts the query and fails unless it answers without errors and with {@code expectedEdges} edges at {@code edgesPath}. */
    public static Counted of(SessionFactory sessionFactory, String token, String query, Map<String, Object> variables, int expectedEdges,
            String edgesPath) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        Result result = GraphQLClient.post(token, query, variables);
        long count = statistics.getPrepareStatementCount();
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(expectedEdges, result.json().getList(edgesPath).size(), result::toString);
        return new Counted(result, count);
    }
}
