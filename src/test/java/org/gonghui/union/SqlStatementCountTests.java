package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import jakarta.inject.Inject;

import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.StatementCount;
import org.gonghui.testing.StatementCount.Counted;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * The main queries cost a fixed number of SQL statements whatever the page size: nested fields are
 * batched per level of the response. Counted with Hibernate's statistics (the token's scope lookup
 * is one more plain JDBC statement per request, outside these counts).
 */
@QuarkusTestWithOidc
class SqlStatementCountTests {

    static final String NATIONAL = Tokens.forDemoUser("quanzong");

    @Inject
    SessionFactory sessionFactory;

    private long statementsFor(String query, Map<String, Object> variables, int expectedEdges, String edgesPath) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        Result result = GraphQLClient.post(NATIONAL, query, variables);
        long count = statistics.getPrepareStatementCount();
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(expectedEdges, result.json().getList(edgesPath).size(), result::toString);
        return count;
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 5, 20, 50 })
    void pageOfUnionsWithParentChildrenAndDescendantCountTakesFourStatements(int pageSize) {
        long statements = statementsFor("""
                query($first: Int) { unions(filter: {under: 1}, first: $first) { edges { node {
                    id name level parent { name } children(first: 5) { edges { node { name } } } descendantCount } } } }""",
                Map.of("first", pageSize), pageSize, "data.unions.edges");
        // the union named in `under`, the page, all parents, all children pages
        assertEquals(4, statements);
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 5, 50 })
    void totalCountsAndBreadcrumbsAddOneStatementEach(int pageSize) {
        long statements = statementsFor("""
                query($first: Int) { unions(filter: {under: 1}, first: $first) { totalCount edges { node {
                    id ancestors { id name } children(first: 2) { totalCount edges { node { id } } } } } } }""",
                Map.of("first", pageSize), pageSize, "data.unions.edges");
        // the union named in `under`, the page, its count, all breadcrumbs, all children pages, all children counts
        assertEquals(6, statements);
    }

    @ParameterizedTest(name = "union with {0} children")
    @ValueSource(ints = { 1, 10 })
    void singleUnionWithBreadcrumbAndChildrenTakesThreeStatements(int first) {
        long statements = statementsFor("""
                query($first: Int) { union(id: 4103) { id name level ancestors { id name } children(first: $first) { edges { node { id name } } } } }""",
                Map.of("first", first), first, "data.union.children.edges");
        // the union, its breadcrumb, its children
        assertEquals(3, statements);
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 3, 10 })
    void pageOfUnionsAfterACursorTakesAsManyStatementsAsTheFirstPage(int pageSize) {
        String query = """
                query($first: Int, $after: String) { unions(filter: {under: 1}, first: $first, after: $after) { pageInfo { endCursor } edges { node {
                    id name level parent { name } children(first: 5) { edges { node { name } } } descendantCount } } } }""";
        Counted first = StatementCount.of(sessionFactory, NATIONAL, query, Map.of("first", pageSize), pageSize, "data.unions.edges");
        Counted next = StatementCount.of(sessionFactory, NATIONAL, query, Map.of("first", pageSize, "after", first.endCursor("data.unions")),
                pageSize, "data.unions.edges");
        // measured on the code before issue 12's refactoring: 4 and 4 (first page, next page); equal or lower afterwards
        assertEquals(4, first.statements());
        assertEquals(4, next.statements());
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 2, 5 })
    void pageOfChildrenAfterACursorTakesThreeStatements(int pageSize) {
        String query = """
                query($first: Int, $after: String) { union(id: 4103) { id children(first: $first, after: $after) {
                    totalCount pageInfo { endCursor hasNextPage } edges { node { id name parent { id } descendantCount } } } } }""";
        Counted first = StatementCount.of(sessionFactory, NATIONAL, query, Map.of("first", pageSize), pageSize, "data.union.children.edges");
        Counted next = StatementCount.of(sessionFactory, NATIONAL, query,
                Map.of("first", pageSize, "after", first.endCursor("data.union.children")), pageSize, "data.union.children.edges");
        // measured on the code before issue 12's refactoring: 4 and 4 (first page, next page); equal or lower afterwards
        assertEquals(4, first.statements());
        assertEquals(4, next.statements());
    }
}
