package org.gonghui.funds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.Tokens;
import org.gonghui.union.UnionRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every official tier × {inside the subtree, outside it} × every funds and shell-union operation, plus
 * members and anonymous callers. Refused cells answer the exact code with a null result and leave the
 * database unchanged.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundsAuthorizationMatrixTests {

    static final String OK = "OK";

    @Inject
    DataSource dataSource;

    enum Relation {
        INSIDE, OUTSIDE
    }

    enum Operation {
        RECORD_REMITTANCE, REMITTANCES, SHELL_UNIONS
    }

    /** A grassroots union and its host employer's credit code. */
    record Target(long union, String employerCreditCode) {
    }

    static final Target HENAN = new Target(41030611, "91410306MA44X1B2CC");
    static final Target JILIN = new Target(22080211, "91220802MA0Y3K4L5B");

    record Official(String username, Target inside, Target outside) {
        Target target(Relation relation) {
            return relation == Relation.INSIDE ? inside : outside;
        }
    }

    static final List<Official> OFFICIALS = List.of(
            new Official("quanzong", HENAN, null),
            new Official("henan", HENAN, JILIN),
            new Official("luoyang", HENAN, JILIN),
            new Official("jili", HENAN, JILIN),
            new Official("heyang", HENAN, JILIN),
            new Official("heyang-baoan", HENAN, JILIN),
            new Official("baicheng", JILIN, HENAN));

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : Relation.values()) {
                if (official.target(relation) == null) {
                    continue;
                }
                for (Operation operation : Operation.values()) {
                    String expected = relation == Relation.OUTSIDE ? "NOT_FOUND" : OK;
                    cells.add(Arguments.of(Named.of(official.username() + " " + operation + " " + relation + " → " + expected, official), relation,
                            operation, expected));
                }
            }
        }
        return cells.stream();
    }

    Stream<Arguments> everyOperation() {
        return Stream.of(Operation.values()).map(Arguments::of);
    }

    protected String tokenFor(String username) {
        return Tokens.forDemoUser(username);
    }

    @AfterAll
    void restore() {
        DemoData.restore(dataSource);
    }

    @ParameterizedTest
    @MethodSource("cells")
    void officialsActOnlyInsideTheirSubtree(Official official, Relation relation, Operation operation, String expected) {
        assertCell(tokenFor(official.username()), official.target(relation), operation, expected);
    }

    @ParameterizedTest
    @MethodSource("everyOperation")
    void membersMayNotUseTheOfficialsOperations(Operation operation) {
        assertCell(tokenFor("worker"), HENAN, operation, "FORBIDDEN");
    }

    @ParameterizedTest
    @MethodSource("everyOperation")
    void anonymousCallersAreAskedToSignIn(Operation operation) {
        assertCell(null, HENAN, operation, "UNAUTHENTICATED");
    }

    void assertCell(String token, Target t, Operation operation, String expected) {
        String before = DemoData.fingerprint(dataSource);
        Result result = switch (operation) {
            case RECORD_REMITTANCE -> GraphQLClient.post(token, "mutation($input: RecordFundsRemittanceInput!) { recordFundsRemittance(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "employerName", "缴费单位", "employerCreditCode", t.employerCreditCode(),
                            "month", YearMonth.now(UnionRules.CHINA).minusMonths(1).toString(), "payrollYuan", "10000.00", "amountPaidYuan", "200.00")));
            case REMITTANCES -> GraphQLClient.post(token, "query($u: ID) { fundsRemittances(unionId: $u) { totalCount edges { node { id } } } }",
                    Map.of("u", t.union()));
            case SHELL_UNIONS -> GraphQLClient.post(token, "query($u: ID) { shellUnions(unionId: $u) { totalCount edges { node { union { id } } } } }",
                    Map.of("u", t.union()));
        };
        assertEquals(200, result.status(), result::toString);
        String root = switch (operation) {
            case RECORD_REMITTANCE -> "recordFundsRemittance";
            case REMITTANCES -> "fundsRemittances";
            case SHELL_UNIONS -> "shellUnions";
        };
        if (OK.equals(expected)) {
            assertFalse(result.hasErrors(), result::toString);
            assertNotNull(result.data(root), result::toString);
            if (operation == Operation.RECORD_REMITTANCE) {
                assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from funds_remittance where union_id = " + t.union()));
                DemoData.restore(dataSource);
            } else {
                assertEquals(before, DemoData.fingerprint(dataSource), "a read changed the database");
            }
        } else {
            assertEquals(expected, result.errorCode(), result::toString);
            assertNull(result.data(root), result::toString);
            assertEquals(before, DemoData.fingerprint(dataSource), "database changed although the operation was refused");
        }
    }
}
