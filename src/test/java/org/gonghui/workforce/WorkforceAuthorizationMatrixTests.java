package org.gonghui.workforce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;


/**
 * Workforce counts and enrolment targets × every tier's relation to the union: officials of the union
 * and of every union above it record, list and set; officials of sibling and other subtrees get
 * NOT_FOUND. Lists without a union show only the caller's subtree (a count and a target in Henan and
 * in Jilin make a leak visible). The union is 41030611 河阳保安; fixtures: count 80 and target 82 there,
 * count 81 and target 83 in 22080211 under 白城.
 */
@QuarkusTestWithOidc
class WorkforceAuthorizationMatrixTests extends AuthorizationMatrix<WorkforceAuthorizationMatrixTests.Operation, Long> {

    enum Operation {
        RECORD_COUNT, COUNTS, ALL_COUNTS, KEY_GROUP_ENROLMENT, SET_TARGET, TARGETS, ALL_TARGETS, DELETE_TARGET
    }

    static final long UNION = 41030611;
    static final long TARGET = 82;
    static final Set<Operation> WRITES = EnumSet.of(Operation.RECORD_COUNT, Operation.SET_TARGET, Operation.DELETE_TARGET);
    /** Lists that name no union: allowed to every official, confined to their subtree. */
    static final Set<Operation> UNSCOPED = EnumSet.of(Operation.ALL_COUNTS, Operation.ALL_TARGETS);

    static final Map<Official, Relation> CALLERS = Map.ofEntries(
            Map.entry(Official.HEYANG_BAOAN, Relation.OWN), Map.entry(Official.HEYANG, Relation.PARENT), Map.entry(Official.JILI, Relation.ANCESTOR),
            Map.entry(Official.LUOYANG, Relation.ANCESTOR), Map.entry(Official.HENAN, Relation.ANCESTOR), Map.entry(Official.QUANZONG, Relation.ANCESTOR),
            Map.entry(Official.SHUNDA, Relation.SIBLING), Map.entry(Official.KANGLE, Relation.SIBLING), Map.entry(Official.RUYANG, Relation.SIBLING),
            Map.entry(Official.BAICHENG, Relation.OUTSIDE), Map.entry(Official.JILIN, Relation.OUTSIDE));

    @Override
    protected List<Cell<Operation, Long>> cells() {
        List<Cell<Operation, Long>> cells = new ArrayList<>();
        for (Official official : Official.values()) {
            Relation relation = CALLERS.get(official);
            boolean sees = relation == Relation.OWN || relation == Relation.PARENT || relation == Relation.ANCESTOR;
            for (Operation operation : Operation.values()) {
                cells.add(cell(official.username, relation, operation, operation == Operation.DELETE_TARGET ? TARGET : UNION,
                        sees || UNSCOPED.contains(operation) ? OK : NOT_FOUND));
            }
        }
        cells.addAll(memberAndAnonymous(Operation.values(), UNION, List.of()));
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return WRITES.contains(operation);
    }

    @Override
    protected void fixtures() {
        if (DemoData.queryLong(dataSource(), "select count(*) from enrolment_target where id in (82, 83)") == 2) {
            return;
        }
        DemoData.execute(dataSource(), """
                insert into workforce_count (id, union_id, key_group, registered_workers, counted_on, recorded_by) overriding system value
                values (80, 41030611, 'SECURITY_GUARD', 40, '2026-01-31', 'sub-fixture'), (81, 22080211, 'SECURITY_GUARD', 30, '2026-01-31', 'sub-fixture');
                insert into enrolment_target (id, union_id, kind, title, key_groups, target_rate, due_on, created_by) overriding system value
                values (82, 41030611, 'KEY_GROUP_ENROLMENT', '保安员入会率', '{SECURITY_GUARD}', 0.5, '2026-12-31', 'sub-fixture'),
                       (83, 22080211, 'KEY_GROUP_ENROLMENT', '保安员入会率', '{SECURITY_GUARD}', 0.5, '2026-12-31', 'sub-fixture')""");
    }

    /** The unscoped lists show exactly the fixture rows of the caller's subtree. */
    @Override
    protected void assertAllowed(Cell<Operation, Long> cell, Result result, String before) {
        if (!UNSCOPED.contains(cell.operation())) {
            return;
        }
        boolean counts = cell.operation() == Operation.ALL_COUNTS;
        String table = counts ? "workforce_count" : "enrolment_target";
        long callerUnion = Tokens.demoUser(cell.caller()).unionId();
        Set<String> expected = new TreeSet<>(List.of(DemoData.queryString(dataSource(), "select coalesce(string_agg(t.id::text, ',' order by t.id), '') from "
                + table + " t join trade_union u on u.id = t.union_id where u.path like (select path from trade_union where id = " + callerUnion + ") || '%'")
                .split(",")));
        expected.remove("");
        Set<String> listed = new TreeSet<>(result.json().getList("data." + (counts ? "workforceCounts" : "enrolmentTargets") + ".edges.node.id", String.class));
        assertEquals(expected, listed, "rows of other subtrees listed, or rows of one's own missing: " + result);
    }

    @Override
    protected Call call(String token, Operation operation, Long target) {
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        return switch (operation) {
            case RECORD_COUNT -> graphql(token, "recordWorkforceCount",
                    "mutation($input: RecordWorkforceCountInput!) { recordWorkforceCount(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", target, "keyGroup", "COURIER", "registeredWorkers", 12, "countedOn", yesterday)));
            case COUNTS -> graphql(token, "workforceCounts", "query($u: ID!) { workforceCounts(unionId: $u) { edges { node { id } } } }",
                    Map.of("u", target));
            case ALL_COUNTS -> graphql(token, "workforceCounts", "query { workforceCounts(first: 50) { edges { node { id } } } }", Map.of());
            case KEY_GROUP_ENROLMENT -> graphql(token, "keyGroupEnrolment", "query($u: ID!) { keyGroupEnrolment(unionId: $u) { keyGroup members } }",
                    Map.of("u", target));
            case SET_TARGET -> graphql(token, "setEnrolmentTarget", "mutation($input: SetEnrolmentTargetInput!) { setEnrolmentTarget(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", target, "kind", "NEW_MEMBERS", "title", "新会员", "targetCount", 10, "periodFrom", "2026-01",
                            "dueOn", "2026-12-31")));
            case TARGETS -> graphql(token, "enrolmentTargets", "query($u: ID!) { enrolmentTargets(unionId: $u) { edges { node { id progress { achieved } } } } }",
                    Map.of("u", target));
            case ALL_TARGETS -> graphql(token, "enrolmentTargets", "query { enrolmentTargets(first: 50) { edges { node { id progress { achieved } } } } }",
                    Map.of());
            case DELETE_TARGET -> graphql(token, "deleteEnrolmentTarget", "mutation($id: ID!) { deleteEnrolmentTarget(id: $id) }", Map.of("id", target));
        };
    }
}
