package org.gonghui.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;

/**
 * Every official tier × {inside the subtree, outside it} × the rights-case figures (the query, the
 * batched field on a union, the headline counts of `statistics`), plus members and anonymous callers.
 * Allowed cells count the one case the fixture put into the target's union.
 */
@QuarkusTestWithOidc
class RightsCaseStatisticsAuthorizationMatrixTests
        extends AuthorizationMatrix<RightsCaseStatisticsAuthorizationMatrixTests.Operation, Long> {

    enum Operation {
        RIGHTS_CASE_STATISTICS, UNION_RIGHTS_CASE_STATISTICS, STATISTICS_HEADLINES
    }

    static final long HENAN = 41030611;
    static final long JILIN = 22080211;

    record Official(String username, Long inside, Long outside) {
        Long target(Relation relation) {
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
    protected List<Cell<Operation, Long>> cells() {
        List<Cell<Operation, Long>> cells = new ArrayList<>();
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
        return false;
    }

    @Override
    protected void fixtures() {
        // exactly one open case received today by each target union (ids below the identity's start); cases that another
        // matrix left behind (the real-Keycloak run goes through every matrix before it restores the demo data) go first
        DemoData.execute(dataSource(), """
                delete from rights_case_attachment where case_id not in (90000001, 90000002);
                delete from rights_case_step where case_id not in (90000001, 90000002);
                delete from rights_case_open where case_id not in (90000001, 90000002);
                delete from rights_case where id not in (90000001, 90000002)""");
        DemoData.execute(dataSource(), """
                insert into rights_case (id, category, channel, status, description_cipher, description_key, received_union_id, handling_union_id,
                                         submitted_by, submitted_at, accept_due)
                values (90000001, 'WAGE_ARREARS', 'HOTLINE', 'SUBMITTED', decode('00', 'hex'), 'fixture', 41030611, 41030611, 'sub-fixture', now(),
                        cast(now() at time zone 'Asia/Shanghai' as date) + 3),
                       (90000002, 'WORK_INJURY', 'APP', 'SUBMITTED', decode('00', 'hex'), 'fixture', 22080211, 22080211, 'sub-fixture', now(),
                        cast(now() at time zone 'Asia/Shanghai' as date) + 3)
                on conflict (id) do nothing""");
        // rows written with SQL, not through the case service: the figures' rollup is rebuilt from them, as after a bulk load
        DemoData.execute(dataSource(), "select gonghui_rights_case_rebuild()");
    }

    @Override
    protected void assertAllowed(Cell<Operation, Long> cell, Result result, String before) {
        String received = switch (cell.operation()) {
            case RIGHTS_CASE_STATISTICS -> "data.rightsCaseStatistics.received";
            case UNION_RIGHTS_CASE_STATISTICS -> "data.union.rightsCaseStatistics.received";
            case STATISTICS_HEADLINES -> "data.statistics.rightsCasesReceived";
        };
        assertEquals(1, result.json().getInt(received), result::toString);
    }

    @Override
    protected Call call(String token, Operation operation, Long union) {
        return switch (operation) {
            case RIGHTS_CASE_STATISTICS -> graphql(token, "rightsCaseStatistics",
                    "query($u: ID!) { rightsCaseStatistics(unionId: $u) { received openNow byCategory { category received } } }", Map.of("u", union));
            case UNION_RIGHTS_CASE_STATISTICS -> graphql(token, "union",
                    "query($u: ID!) { union(id: $u) { rightsCaseStatistics { received byChannel { channel received } } } }", Map.of("u", union));
            case STATISTICS_HEADLINES -> graphql(token, "statistics",
                    "query($u: ID!) { statistics(unionId: $u) { rightsCasesReceived rightsCasesOpen rightsCasesOverdue } }", Map.of("u", union));
        };
    }
}
