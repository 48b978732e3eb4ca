package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.StatementCount;
import org.gonghui.testing.StatementCount.Counted;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * Member lists cost a fixed number of SQL statements whatever the page size: every nested field of a
 * member (union, union chain, history) and of a union (members, memberCount) is resolved for the
 * whole level at once. 60 extra applicants make the pages full.
 */
@QuarkusTestWithOidc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberStatementCountTests {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    boolean applied;

    /** Once per class, but inside a test: RestAssured knows the test port only then. */
    @BeforeEach
    void sixtyMoreApplicants() {
        if (applied) {
            return;
        }
        applied = true;
        String token = Tokens.forDemoUser("heyang-baoan");
        for (int i = 0; i < 60; i++) {
            String first17 = "410306199501" + String.format("%04d", 2000 + i) + "1";
            Result applied = GraphQLClient.post(token, "mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", 41030611, "name", "申请人" + i, "idNumber", first17 + IdNumber.checkCharacter(first17),
                            "phone", "1370000" + String.format("%04d", i))));
            assertFalse(applied.hasErrors(), applied::toString);
        }
    }

    @AfterAll
    void restore() {
        DemoData.restore(dataSource);
    }

    private long statementsFor(String user, String query, int first, int expectedEdges, String edgesPath) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        Result result = GraphQLClient.post(Tokens.forDemoUser(user), query, Map.of("first", first));
        long count = statistics.getPrepareStatementCount();
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(expectedEdges, result.json().getList(edgesPath).size(), result::toString);
        return count;
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 5, 20, 50 })
    void pageOfMembersWithUnionChainAndHistoryTakesSevenStatements(int pageSize) {
        long statements = statementsFor("luoyang", """
                query($first: Int) { members(filter: {unionId: 410306}, first: $first) { totalCount edges { node {
                    id name idNumber union { name } unionChain { id } history(first: 3) { edges { node { toStatus } } } } } } }""",
                pageSize, pageSize, "data.members.edges");
        // the union named in the filter, the page, its count, the members' unions, the unions on their chains
        // (two: their own unions' paths, then every union on those paths), all histories
        assertEquals(7, statements);
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 1, 2 })
    void pageOfUnionsWithTheirMembersAndMemberCountsTakesFiveStatements(int pageSize) {
        long statements = statementsFor("heyang", """
                query($first: Int) { unions(filter: {under: 4103061, level: GRASSROOTS}, first: $first) { edges { node {
                    id memberCount members(first: 10) { totalCount edges { node { name } } } } } } }""",
                pageSize, pageSize, "data.unions.edges");
        // the union named in `under`, the page, all member counts, all member pages, all their total counts
        assertEquals(5, statements);
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 5, 20 })
    void pageOfMembersByNameAfterACursorWithEveryNestedFieldTakesAsManyStatementsAsTheFirstPage(int pageSize) {
        String query = """
                query($first: Int, $after: String) { members(filter: {unionId: 410306}, orderBy: {field: NAME, direction: DESC},
                    first: $first, after: $after) { totalCount pageInfo { endCursor } edges { cursor node {
                    id name idNumber phone status union { id name } unionChain { id name } history(first: 2) { edges { node { toStatus } } } } } } }""";
        String token = Tokens.forDemoUser("luoyang");
        Counted first = StatementCount.of(sessionFactory, token, query, Map.of("first", pageSize), pageSize, "data.members.edges");
        Counted next = StatementCount.of(sessionFactory, token, query, Map.of("first", pageSize, "after", first.endCursor("data.members")),
                pageSize, "data.members.edges");
        // measured on the code before issue 12's refactoring: 7 and 7 (first page, next page); equal or lower afterwards
        assertEquals(7, first.statements());
        assertEquals(7, next.statements());
    }
}
