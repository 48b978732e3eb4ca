package org.gonghui.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;


/**
 * Every official tier × {inside the subtree, outside it} × every statistics, workforce and target
 * operation, plus members and anonymous callers. Refused cells leave the database unchanged
 * ({@link AuthorizationMatrix}).
 */
@QuarkusTestWithOidc
class StatisticsAuthorizationMatrixTests
        extends AuthorizationMatrix<StatisticsAuthorizationMatrixTests.Operation, StatisticsAuthorizationMatrixTests.Target> {

    enum Operation {
        STATISTICS, STATISTICS_AS_OF, UNION_STATISTICS, MEMBER_TREND, RECORD_WORKFORCE, WORKFORCE_COUNTS, KEY_GROUP_ENROLMENT, SET_TARGET, TARGETS,
        DELETE_TARGET
    }

    /** A grassroots union and an enrolment target set for it (fixtures below). */
    record Target(long union, long target) {
    }

    static final Target HENAN = new Target(41030611, 70);
    static final Target JILIN = new Target(22080211, 71);

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

    static final Set<Operation> WRITES = EnumSet.of(Operation.RECORD_WORKFORCE, Operation.SET_TARGET, Operation.DELETE_TARGET);

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
        return WRITES.contains(operation);
    }

    @Override
    protected void assertAllowed(Cell<Operation, Target> cell, Result result, String before) {
        if (cell.operation() == Operation.TARGETS) {
            assertEquals(List.of(String.valueOf(cell.target().target())),
                    result.json().getList("data.enrolmentTargets.edges.node.id").stream().map(String::valueOf).toList());
        }
    }

    @Override
    protected void fixtures() {
        if (DemoData.queryLong(dataSource(), "select count(*) from enrolment_target where id in (70, 71)") == 2) {
            return;
        }
        DemoData.execute(dataSource(), """
                insert into enrolment_target (id, union_id, kind, title, key_groups, target_rate, due_on, created_by)
                overriding system value
                values (70, 41030611, 'KEY_GROUP_ENROLMENT', '保安员入会率', '{SECURITY_GUARD}', 0.5, '2026-12-31', 'sub-fixture'),
                       (71, 22080211, 'KEY_GROUP_ENROLMENT', '保安员入会率', '{SECURITY_GUARD}', 0.5, '2026-12-31', 'sub-fixture')""");
    }

    @Override
    protected Call call(String token, Operation operation, Target t) {
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        return switch (operation) {
            case STATISTICS -> graphql(token, "statistics", "query($u: ID!) { statistics(unionId: $u) { members } }", Map.of("u", t.union()));
            case STATISTICS_AS_OF -> graphql(token, "statistics", "query($u: ID!, $d: Date) { statistics(unionId: $u, asOf: $d) { members } }",
                    Map.of("u", t.union(), "d", yesterday));
            case UNION_STATISTICS -> graphql(token, "union", "query($u: ID!) { union(id: $u) { statistics { members } } }", Map.of("u", t.union()));
            case MEMBER_TREND -> graphql(token, "memberTrend", "query($u: ID!) { memberTrend(unionId: $u, from: \"2026-01\", to: \"2026-03\") { month } }",
                    Map.of("u", t.union()));
            case RECORD_WORKFORCE -> graphql(token, "recordWorkforceCount", "mutation($input: RecordWorkforceCountInput!) { recordWorkforceCount(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "keyGroup", "SECURITY_GUARD", "registeredWorkers", 40, "countedOn", yesterday)));
            case WORKFORCE_COUNTS -> graphql(token, "workforceCounts", "query($u: ID!) { workforceCounts(unionId: $u) { edges { node { id } } } }", Map.of("u", t.union()));
            case KEY_GROUP_ENROLMENT -> graphql(token, "keyGroupEnrolment", "query($u: ID!) { keyGroupEnrolment(unionId: $u) { keyGroup members } }",
                    Map.of("u", t.union()));
            case SET_TARGET -> graphql(token, "setEnrolmentTarget", "mutation($input: SetEnrolmentTargetInput!) { setEnrolmentTarget(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "kind", "NEW_MEMBERS", "title", "新会员", "targetCount", 10, "periodFrom", "2026-01",
                            "dueOn", "2026-12-31")));
            case TARGETS -> graphql(token, "enrolmentTargets", "query($u: ID!) { enrolmentTargets(unionId: $u) { edges { node { id progress { achieved } } } } }",
                    Map.of("u", t.union()));
            case DELETE_TARGET -> graphql(token, "deleteEnrolmentTarget", "mutation($id: ID!) { deleteEnrolmentTarget(id: $id) }", Map.of("id", t.target()));
        };
    }
}
