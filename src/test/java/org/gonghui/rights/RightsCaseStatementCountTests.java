package org.gonghui.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.StatementCount;
import org.gonghui.testing.StatementCount.Counted;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page of the officials' queue costs a fixed number of SQL statements whatever its size: one statement
 * reads the page with the check of the filter's union, its totalCount and the handling and received
 * unions of every row (joined: one per row), and the steps, when selected, are one more for the whole
 * page. The figures (rightsCaseStatistics) are one statement.
 * Twelve cases of the worker (member 1 of 41030611), each with two steps, fill the pages.
 */
@QuarkusTestWithOidc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightsCaseStatementCountTests {

    static final String PAGE = """
            query($first: Int, $after: String) { rightsCases(filter: {unionId: 410306, statuses: [SUBMITTED, ACCEPTED, IN_PROGRESS]}, first: $first,
                after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id category channel status submittedAt acceptDue
                resolveDue overdue descriptionMasked handlingUnion { name } receivedUnion { id } steps { kind at actor } } } } }""";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    /** Made through the API, so before each test (HTTP is not up yet in a @BeforeAll); once. */
    @BeforeEach
    void twelveCasesWithTwoStepsEach() {
        if (DemoData.queryLong(dataSource, "select count(*) from rights_case") > 0) {
            return;
        }
        RightsFixtures.linkWorker(dataSource, "sub-worker");
        String worker = Tokens.forDemoUser("worker");
        String official = Tokens.forDemoUser("heyang-baoan");
        for (int i = 1; i <= 12; i++) {
            var submitted = RightsFixtures.ok(RightsFixtures.post(worker, RightsFixtures.SUBMIT,
                    Map.of("input", RightsFixtures.submitInput("WAGE_ARREARS", "第 " + i + " 家公司"))));
            RightsFixtures.ok(RightsFixtures.post(official, RightsFixtures.ACCEPT, RightsFixtures.idVersion(submitted, "submitRightsCase")));
        }
    }

    @AfterAll
    void restore() {
        DemoData.restore(dataSource);
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 2, 5 })
    void aPageOfTheQueueWithUnionsAndStepsTakesAFixedNumberOfStatements(int pageSize) {
        String token = Tokens.forDemoUser("jili");
        Counted first = StatementCount.of(sessionFactory, token, PAGE, Map.of("first", pageSize), pageSize, "data.rightsCases.edges");
        Counted next = StatementCount.of(sessionFactory, token, PAGE, Map.of("first", pageSize, "after", first.endCursor("data.rightsCases")),
                pageSize, "data.rightsCases.edges");
        // the page with filter.unionId's check, its count and both unions of each row; the steps
        assertEquals(2, first.statements());
        assertEquals(2, next.statements());
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 2, 5 })
    void aPageOfTheOpenQueueAsTheBenchmarkAsksForItIsOneStatement(int pageSize) {
        String query = """
                query($first: Int, $after: String) { rightsCases(filter: {unionId: 410306, statuses: [SUBMITTED, ACCEPTED, IN_PROGRESS]},
                    first: $first, after: $after) { totalCount pageInfo { endCursor } edges { cursor node { id category channel status submittedAt
                    acceptDue resolveDue handlingUnion { name } } } } }""";
        String token = Tokens.forDemoUser("jili");
        Counted first = StatementCount.of(sessionFactory, token, query, Map.of("first", pageSize), pageSize, "data.rightsCases.edges");
        Counted next = StatementCount.of(sessionFactory, token, query, Map.of("first", pageSize, "after", first.endCursor("data.rightsCases")),
                pageSize, "data.rightsCases.edges");
        assertEquals(1, first.statements());
        assertEquals(1, next.statements());
        assertEquals(12, first.result().json().getInt("data.rightsCases.totalCount"));
        assertEquals(12, next.result().json().getInt("data.rightsCases.totalCount"), "the count ignores the cursor");
        assertEquals("洛阳河阳保安服务有限公司工会", first.result().json().getString("data.rightsCases.edges[0].node.handlingUnion.name"));
    }

    @Test
    void anEmptyPageChecksTheFiltersUnionAndCountsApart() {
        String query = """
                { rightsCases(filter: {unionId: 410306, statuses: [DECLINED]}, first: 5) { totalCount edges { node { id } } } }""";
        Counted empty = StatementCount.of(sessionFactory, Tokens.forDemoUser("jili"), query, Map.of(), 0, "data.rightsCases.edges");
        // the page (no row), filter.unionId's check, the count
        assertEquals(3, empty.statements());
        assertEquals(0, empty.result().json().getInt("data.rightsCases.totalCount"));
        var outside = RightsFixtures.as("jili", query.replace("410306", "4103"), Map.of());
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
        assertTrue(outside.errorMessage().startsWith("filter.unionId"), outside::toString);
        assertNull(outside.json().get("data"), outside::toString);
    }

    @Test
    void theFiguresOfASubtreeAreOneStatement() {
        String query = """
                { rightsCaseStatistics(unionId: 41, period: {from: "2026-01", to: "2026-12"}) { received accepted resolved receivedAndResolved openNow
                    overdueNow closureRate wagesRecoveredYuan meanSatisfaction byCategory { category received overdueNow } byChannel { channel
                    received } } }""";
        var result = StatementCount.of(sessionFactory, Tokens.forDemoUser("henan"), query, Map.of(), 10, "data.rightsCaseStatistics.byCategory");
        // the union's check, the rollup with the pending rows and the open cases
        assertEquals(2, result.statements(), result.result()::toString);
        assertEquals(12, result.result().json().getInt("data.rightsCaseStatistics.openNow"));
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 2, 5 })
    void aPageOfTheWorkersOwnCasesWithStepsTakesAFixedNumberOfStatements(int pageSize) {
        String query = """
                query($first: Int, $after: String) { me { rightsCases(first: $first, after: $after) { totalCount pageInfo { endCursor }
                    edges { node { id status description handlingUnionName handlingUnion { id } steps { kind at } } } } } }""";
        String token = Tokens.forDemoUser("worker");
        Counted first = StatementCount.of(sessionFactory, token, query, Map.of("first", pageSize), pageSize, "data.me.rightsCases.edges");
        Counted next = StatementCount.of(sessionFactory, token, query, Map.of("first", pageSize, "after", first.endCursor("data.me.rightsCases")),
                pageSize, "data.me.rightsCases.edges");
        // the page, its count, the steps (a worker's handlingUnion is null without a statement)
        assertEquals(3, first.statements());
        assertEquals(3, next.statements());
    }
}
