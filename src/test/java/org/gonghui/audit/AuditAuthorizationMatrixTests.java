package org.gonghui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;


/**
 * The audit trail × every tier's relation to the union: {@code auditEvents(filter: {under})} answers
 * officials of the union and of every union above it, and NOT_FOUND to officials of sibling and other
 * subtrees; without {@code under} every official gets exactly the events of their own subtree. The
 * fixture is an audited change in 41030611 河阳保安 and one in 22080211 under 白城, so a leak shows.
 */
@QuarkusTestWithOidc
class AuditAuthorizationMatrixTests extends AuthorizationMatrix<AuditAuthorizationMatrixTests.Operation, Long> {

    enum Operation {
        EVENTS_UNDER, OWN_SUBTREES_EVENTS
    }

    static final long UNION = 41030611;

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
            cells.add(cell(official.username, relation, Operation.EVENTS_UNDER, UNION, sees ? OK : NOT_FOUND));
            cells.add(cell(official.username, relation, Operation.OWN_SUBTREES_EVENTS, UNION, OK));
        }
        cells.addAll(memberAndAnonymous(Operation.values(), UNION, List.of()));
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return false;
    }

    /** Two audited changes: the chair of 41030611 (by its township) and of 22080211 (by 白城). */
    @Override
    protected void fixtures() {
        if (DemoData.queryLong(dataSource(), "select count(*) from audit_event where operation = 'updateUnion'") == 2) {
            return;
        }
        for (Map.Entry<Official, Long> change : List.of(Map.entry(Official.HEYANG, UNION), Map.entry(Official.BAICHENG, 22080211L))) {
            Result updated = GraphQLClient.post(token(change.getKey().username),
                    "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id } }",
                    Map.of("input", Map.of("id", change.getValue(), "version", DemoData.version(dataSource(), change.getValue()), "chairName", "新任主席")));
            assertEquals(List.of(), updated.errors(), updated::toString);
        }
    }

    /** The events listed are exactly those about unions of the caller's subtree (under the union asked for). */
    @Override
    protected void assertAllowed(Cell<Operation, Long> cell, Result result, String before) {
        long root = cell.operation() == Operation.EVENTS_UNDER ? cell.target() : Tokens.demoUser(cell.caller()).unionId();
        Set<String> expected = new TreeSet<>(Arrays.asList(DemoData.queryString(dataSource(),
                "select coalesce(string_agg(id::text, ','), '') from audit_event where target_path like (select path from trade_union where id = "
                        + root + ") || '%'").split(",")));
        expected.remove("");
        assertEquals(expected, new TreeSet<>(result.json().getList("data.auditEvents.edges.node.id", String.class)), result::toString);
    }

    @Override
    protected Call call(String token, Operation operation, Long union) {
        return switch (operation) {
            case EVENTS_UNDER -> graphql(token, "auditEvents",
                    "query($u: ID) { auditEvents(filter: {under: $u}, first: 50) { edges { node { id targetType targetId changes { field } } } } }",
                    Map.of("u", union));
            case OWN_SUBTREES_EVENTS -> graphql(token, "auditEvents", "query { auditEvents(first: 50) { edges { node { id targetType targetId } } } }",
                    Map.of());
        };
    }
}
