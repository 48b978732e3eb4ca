package org.gonghui.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page of the officials' queue costs a fixed number of SQL statements whatever its size: the union of
 * the filter, the page, its count, the handling and received unions and the steps are each one
 * statement for the whole page.
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
        // filter.unionId checked against the caller's subtree, the page, its count, the handling unions, the received unions, the steps
        assertEquals(6, first.statements());
        assertEquals(6, next.statements());
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
