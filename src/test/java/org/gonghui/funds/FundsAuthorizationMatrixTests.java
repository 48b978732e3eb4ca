package org.gonghui.funds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.union.UnionRules;


/**
 * Every official tier × {inside the subtree, outside it} × every funds and shell-union operation, plus
 * members and anonymous callers. Refused cells answer the exact code with a null result and leave the
 * database unchanged ({@link AuthorizationMatrix}); allowed reads leave it unchanged too.
 */
@QuarkusTestWithOidc
class FundsAuthorizationMatrixTests extends AuthorizationMatrix<FundsAuthorizationMatrixTests.Operation, FundsAuthorizationMatrixTests.Target> {

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

    @Override
    protected List<Cell<Operation, Target>> cells() {
        List<Cell<Operation, Target>> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : List.of(Relation.INSIDE, Relation.OUTSIDE)) {
                if (official.target(relation) == null) {
                    continue;
                }
                for (Operation operation : Operation.values()) {
                    cells.add(cell(official.username(), relation, operation, official.target(relation), relation == Relation.OUTSIDE ? NOT_FOUND : OK));
                }
            }
        }
        cells.addAll(memberAndAnonymous(Operation.values(), HENAN, List.of()));
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation == Operation.RECORD_REMITTANCE;
    }

    @Override
    protected void assertAllowed(Cell<Operation, Target> cell, Result result, String before) {
        if (cell.operation() == Operation.RECORD_REMITTANCE) {
            assertEquals(1, DemoData.queryLong(dataSource(), "select count(*) from funds_remittance where union_id = " + cell.target().union()));
        } else {
            assertEquals(before, fingerprint(), "a read changed the database");
        }
    }

    @Override
    protected Call call(String token, Operation operation, Target t) {
        return switch (operation) {
            case RECORD_REMITTANCE -> graphql(token, "recordFundsRemittance", "mutation($input: RecordFundsRemittanceInput!) { recordFundsRemittance(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "employerName", "缴费单位", "employerCreditCode", t.employerCreditCode(),
                            "month", YearMonth.now(UnionRules.CHINA).minusMonths(1).toString(), "payrollYuan", "10000.00", "amountPaidYuan", "200.00")));
            case REMITTANCES -> graphql(token, "fundsRemittances", "query($u: ID) { fundsRemittances(unionId: $u) { totalCount edges { node { id } } } }",
                    Map.of("u", t.union()));
            case SHELL_UNIONS -> graphql(token, "shellUnions", "query($u: ID) { shellUnions(unionId: $u) { totalCount edges { node { union { id } } } } }",
                    Map.of("u", t.union()));
        };
    }
}
