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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * A page of transfers costs a fixed number of SQL statements whatever its size, with each transfer's
 * member and the member's nested fields batched per level. Four members of 41030611 are released to
 * 41030612, one of them accepted, so the page mixes open and ended transfers.
 */
@QuarkusTestWithOidc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferStatementCountTests {

    static final String PAGE = """
            query($union: ID, $first: Int, $after: String) { membershipTransfers(filter: {unionId: $union}, first: $first, after: $after) {
                pageInfo { endCursor hasNextPage } edges { cursor node { id status memberName fromUnionId toUnionId
                member { id name status union { id name } unionChain { id } history(first: 2) { edges { node { toStatus } } } } } } } }""";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    boolean released;

    /** Once per class, but inside a test: RestAssured knows the test port only then. */
    @BeforeEach
    void fourTransfers() {
        if (released) {
            return;
        }
        released = true;
        String outgoing = Tokens.forDemoUser("heyang-baoan");
        Object first = null;
        for (long member : new long[] { 1, 2, 3, 4 }) {
            int version = (int) DemoData.queryLong(dataSource, "select version from membership where id = " + member);
            Result release = GraphQLClient.post(outgoing, "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id } }",
                    Map.of("input", Map.of("id", member, "version", version, "toUnionId", 41030612)));
            assertFalse(release.hasErrors(), release::toString);
            first = first == null ? release.data("releaseMember.id") : first;
        }
        Result accepted = GraphQLClient.post(Tokens.forDemoUser("shunda"),
                "mutation($input: TransferDecisionInput!) { acceptTransfer(input: $input) { id } }",
                Map.of("input", Map.of("transferId", first, "version", 1)));
        assertFalse(accepted.hasErrors(), accepted::toString);
    }

    @AfterAll
    void restore() {
        DemoData.restore(dataSource);
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 1, 2 })
    void pageOfTransfersWithTheirMembersTakesAFixedNumberOfStatements(int pageSize) {
        String token = Tokens.forDemoUser("jili");
        Counted first = StatementCount.of(sessionFactory, token, PAGE, Map.of("union", 410306, "first", pageSize), pageSize, "data.membershipTransfers.edges");
        Counted next = StatementCount.of(sessionFactory, token, PAGE,
                Map.of("union", 410306, "first", pageSize, "after", first.endCursor("data.membershipTransfers")), pageSize, "data.membershipTransfers.edges");
        // measured on the code before issue 12's refactoring: 8 and 8 (first page, next page); equal or lower afterwards
        assertEquals(8, first.statements());
        assertEquals(8, next.statements());
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 1, 4 })
    void theOutgoingGrassrootsUnionsPageTakesAFixedNumberOfStatements(int pageSize) {
        Counted page = StatementCount.of(sessionFactory, Tokens.forDemoUser("heyang-baoan"), PAGE, Map.of("union", 41030611, "first", pageSize), pageSize,
                "data.membershipTransfers.edges");
        // measured on the code before issue 12's refactoring: 8; equal or lower afterwards
        assertEquals(8, page.statements());
    }
}
