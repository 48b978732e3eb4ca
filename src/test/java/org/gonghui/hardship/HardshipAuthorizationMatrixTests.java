package org.gonghui.hardship;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;


/**
 * Hardship files × every tier's relation to the member: only officials of the member's own union and
 * of the union directly above it read, open or advance a file; officials higher up see the member but
 * are FORBIDDEN, officials of sibling and other subtrees do not see the member at all (NOT_FOUND).
 * Members 1 and 2 belong to 41030611 河阳保安 under 4103061 河阳街道; member 2 has a file (fixture).
 */
@QuarkusTestWithOidc
class HardshipAuthorizationMatrixTests extends AuthorizationMatrix<HardshipAuthorizationMatrixTests.Operation, Long> {

    enum Operation {
        READ, OPEN, ADVANCE
    }

    /** The member a file is opened for, and the member whose file is read and advanced. */
    static final long WITHOUT_FILE = 1;
    static final long WITH_FILE = 2;

    static final Map<Official, Relation> CALLERS = Map.of(
            Official.HEYANG_BAOAN, Relation.OWN, Official.HEYANG, Relation.PARENT,
            Official.JILI, Relation.ANCESTOR, Official.LUOYANG, Relation.ANCESTOR, Official.HENAN, Relation.ANCESTOR, Official.QUANZONG,
            Relation.ANCESTOR, Official.SHUNDA, Relation.SIBLING, Official.KANGLE, Relation.SIBLING, Official.RUYANG, Relation.SIBLING,
            Official.BAICHENG, Relation.OUTSIDE);

    @Override
    protected List<Cell<Operation, Long>> cells() {
        List<Cell<Operation, Long>> cells = new ArrayList<>();
        for (Official official : Official.values()) {
            Relation relation = CALLERS.get(official);
            if (relation == null) {
                continue;
            }
            for (Operation operation : Operation.values()) {
                String expected = switch (relation) {
                    case OWN, PARENT -> OK;
                    case ANCESTOR -> FORBIDDEN;
                    default -> NOT_FOUND;
                };
                cells.add(cell(official.username, relation, operation, target(operation), expected));
            }
        }
        // 吴刚 (10) of 22080211 under 白城: the city official sees him, but is two tiers above his union
        cells.add(cell(Official.BAICHENG.username, Relation.ANCESTOR, Operation.READ, 10L, FORBIDDEN));
        cells.add(cell(Official.BAICHENG.username, Relation.ANCESTOR, Operation.OPEN, 10L, FORBIDDEN));
        cells.add(cell(Official.HEYANG.username, Relation.OUTSIDE, Operation.OPEN, 10L, NOT_FOUND));
        for (Operation operation : Operation.values()) {
            cells.add(cell(MEMBER, Relation.MEMBER, operation, target(operation), FORBIDDEN));
            cells.add(cell(null, Relation.ANONYMOUS, operation, target(operation), UNAUTHENTICATED));
        }
        return cells;
    }

    private static Long target(Operation operation) {
        return operation == Operation.OPEN ? WITHOUT_FILE : WITH_FILE;
    }

    @Override
    protected boolean writes(Operation operation) {
        return true; // a read leaves an audit record
    }

    /** Member 2's file, opened by the grassroots official. */
    @Override
    protected void fixtures() {
        if (DemoData.queryLong(dataSource(), "select count(*) from hardship_file where membership_id = " + WITH_FILE) > 0) {
            return;
        }
        Result opened = GraphQLClient.post(token(Official.HEYANG_BAOAN.username),
                "mutation($input: OpenHardshipFileInput!) { openHardshipFile(input: $input) { id } }",
                Map.of("input", Map.of("memberId", WITH_FILE, "level", "SEVERE", "reasons", List.of("ILLNESS"), "householdSize", 4,
                        "monthlyIncomeYuan", "1800.00")));
        assertEquals(List.of(), opened.errors(), opened::toString);
    }

    @Override
    protected void assertAllowed(Cell<Operation, Long> cell, Result result, String before) {
        if (cell.operation() == Operation.READ) {
            assertEquals(1, DemoData.queryLong(dataSource(), "select count(*) from audit_event where operation = 'readHardshipFile'"),
                    "a read of a hardship file leaves one audit record");
        }
    }

    @Override
    protected Call call(String token, Operation operation, Long member) {
        return switch (operation) {
            case READ -> graphql(token, "hardshipFile", "query($m: ID!) { hardshipFile(memberId: $m, reason: \"核实困难情况\") { id status } }",
                    Map.of("m", member));
            case OPEN -> graphql(token, "openHardshipFile", "mutation($input: OpenHardshipFileInput!) { openHardshipFile(input: $input) { id } }",
                    Map.of("input", Map.of("memberId", member, "level", "GENERAL", "reasons", List.of("LOW_INCOME"), "householdSize", 3,
                            "monthlyIncomeYuan", "2100.00")));
            case ADVANCE -> {
                long file = DemoData.queryLong(dataSource(), "select id from hardship_file where membership_id = " + member);
                long version = DemoData.queryLong(dataSource(), "select version from hardship_file where id = " + file);
                yield graphql(token, "advanceHardshipFile", "mutation($input: AdvanceHardshipFileInput!) { advanceHardshipFile(input: $input) { id status } }",
                        Map.of("input", Map.of("id", file, "version", version, "to", "REVIEWED")));
            }
        };
    }
}
