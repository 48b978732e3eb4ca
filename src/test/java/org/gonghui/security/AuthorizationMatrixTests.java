package org.gonghui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;


/**
 * Every tier × {own union, inside the subtree, a sibling subtree, an ancestor} × every union
 * operation, with members and anonymous callers as extra rows, and the relation "outside union
 * reached through a nested field". Each cell states its outcome: OK, or the exact error code, in
 * which case the root field is null and the database is unchanged ({@link AuthorizationMatrix}).
 */
@QuarkusTestWithOidc
class AuthorizationMatrixTests extends AuthorizationMatrix<AuthorizationMatrixTests.Operation, AuthorizationMatrixTests.Target> {

    enum Operation {
        UNION, UNIONS_UNDER, CHILDREN, CREATE_UNDER, UPDATE, UPDATE_STATUS, MOVE, DISSOLVE, NESTED
    }

    /** A demo official and the union they act on for each relation (null: the tier has no such union). */
    record Official(String username, long own, Long inside, Long sibling, Long ancestor, long moveTarget, long moveTo) {

        Long target(Relation relation) {
            return switch (relation) {
                case OWN -> own;
                case INSIDE -> inside;
                case SIBLING -> sibling;
                case ANCESTOR -> ancestor;
                default -> null;
            };
        }
    }

    /** The union a cell acts on, and the official whose move destination applies. */
    record Target(long union, Official official) {
        @Override
        public String toString() {
            return String.valueOf(union);
        }
    }

    static final List<Relation> RELATIONS = List.of(Relation.OWN, Relation.INSIDE, Relation.SIBLING, Relation.ANCESTOR);

    // Demo hierarchy: 1 全总 > 41 河南 > 4103 洛阳 > 410306 吉利区 > 4103061 河阳街道 > 41030611 河阳保安, 41030612 顺达商贸.
    static final List<Official> OFFICIALS = List.of(
            new Official("quanzong", 1, 41L, null, null, 41030612, 4103062),
            new Official("henan", 41, 4103L, 22L, 1L, 41030612, 4103062),
            new Official("luoyang", 4103, 410306L, 4101L, 41L, 41030612, 4103062),
            new Official("jili", 410306, 4103061L, 410326L, 4103L, 41030612, 4103062),
            new Official("heyang", 4103061, 41030612L, 4103062L, 410306L, 41030612, 4103061),
            new Official("heyang-baoan", 41030611, null, 41030612L, 4103061L, 41030611, 4103061));

    static final List<Operation> OPERATIONS = List.of(Operation.UNION, Operation.UNIONS_UNDER, Operation.CHILDREN, Operation.CREATE_UNDER,
            Operation.UPDATE, Operation.UPDATE_STATUS, Operation.MOVE, Operation.DISSOLVE);

    @Override
    protected List<Cell<Operation, Target>> cells() {
        List<Cell<Operation, Target>> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : RELATIONS) {
                Long target = official.target(relation);
                if (target == null) {
                    continue;
                }
                for (Operation operation : OPERATIONS) {
                    // moving and dissolving inside the subtree act on a union whose parent the official also governs
                    long acted = relation == Relation.INSIDE && (operation == Operation.MOVE || operation == Operation.DISSOLVE)
                            ? official.moveTarget()
                            : target;
                    cells.add(cell(official.username(), relation, operation, new Target(acted, official), expected(official, relation, operation)));
                }
            }
        }
        for (Operation operation : OPERATIONS) {
            cells.add(cell(MEMBER, Relation.MEMBER, operation, new Target(410306, OFFICIALS.get(3)), FORBIDDEN));
        }
        for (Operation operation : OPERATIONS) {
            cells.add(cell(null, Relation.ANONYMOUS, operation, new Target(410306, OFFICIALS.get(3)), UNAUTHENTICATED));
        }
        for (Official official : OFFICIALS) {
            for (Relation relation : List.of(Relation.OWN, Relation.INSIDE)) {
                Long target = official.target(relation);
                if (target != null) {
                    cells.add(check(official.username(), Relation.NESTED_OUTSIDE, Operation.NESTED, new Target(target, official), OK,
                            () -> outsideUnionsReachedThroughNestedFieldsAreHidden(official, relation)));
                }
            }
        }
        return cells;
    }

    /** The rule under test, cell by cell. */
    static String expected(Official official, Relation relation, Operation operation) {
        if (relation == Relation.SIBLING || relation == Relation.ANCESTOR) {
            return NOT_FOUND;
        }
        boolean own = relation == Relation.OWN;
        boolean grassrootsTarget = own ? official.username().equals("heyang-baoan") : official.username().equals("heyang");
        return switch (operation) {
            case UNION, UNIONS_UNDER, CHILDREN, UPDATE -> OK;
            // a grassroots union has no children
            case CREATE_UNDER -> grassrootsTarget ? VALIDATION : OK;
            // kind, status and region of one's own union are decided one tier up
            case UPDATE_STATUS -> own ? FORBIDDEN : OK;
            // moving and dissolving need authority over the parent, which one's own union's parent is not
            case MOVE -> own ? FORBIDDEN : official.username().equals("heyang") ? VALIDATION : OK;
            case DISSOLVE -> own ? FORBIDDEN : OK;
            case NESTED -> throw new IllegalArgumentException("a check of its own");
        };
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation.compareTo(Operation.CREATE_UNDER) >= 0;
    }

    /**
     * The relation "outside union reached through a nested field": the parent of a union one sees is
     * returned by {@code parent} (and {@code me { union { parent } }}) exactly when {@code union(id)}
     * returns it; one's own union's parent lies outside, so it is null there and NOT_FOUND directly.
     */
    void outsideUnionsReachedThroughNestedFieldsAreHidden(Official official, Relation relation) {
        String token = token(official.username());
        long target = official.target(relation);
        Result nested = GraphQLClient.post(token, """
                query($id: ID!) { union(id: $id) { id ancestors { id } parent { id name } children(first: 50) { edges { node { id parent { id } } } } }
                                  me { union { id parent { id } } } }""", Map.of("id", target));
        assertEquals(200, nested.status(), nested::toString);
        assertFalse(nested.hasErrors(), nested::toString);
        List<Object> ancestors = nested.json().getList("data.union.ancestors.id");
        Object parentId = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
        Object shownParent = nested.data("union.parent.id");
        if (parentId == null) {
            assertNull(shownParent, nested::toString);
        } else {
            Result direct = GraphQLClient.post(token, "query($id: ID!) { union(id: $id) { id } }", Map.of("id", parentId));
            if (relation == Relation.OWN) {
                assertNull(shownParent, nested::toString);
                assertEquals(NOT_FOUND, direct.errorCode(), direct::toString);
                assertNull(direct.data("union"), direct::toString);
            } else {
                assertEquals(String.valueOf(parentId), String.valueOf(shownParent), nested::toString);
                assertFalse(direct.hasErrors(), direct::toString);
            }
        }
        assertEquals(String.valueOf(official.own()), String.valueOf(nested.<Object>data("me.union.id")), nested::toString);
        assertNull(nested.data("me.union.parent"), "one's own union's parent lies outside one's subtree: " + nested);
        for (Object childParent : nested.json().getList("data.union.children.edges.node.parent.id")) {
            assertEquals(String.valueOf(target), String.valueOf(childParent), nested::toString);
        }
    }

    @Override
    protected Call call(String token, Operation operation, Target t) {
        long target = t.union();
        int version = DemoData.version(dataSource(), target);
        return switch (operation) {
            case UNION -> graphql(token, "union", "query($id: ID!) { union(id: $id) { id name } }", Map.of("id", target));
            case UNIONS_UNDER -> graphql(token, "unions",
                    "query($id: ID!) { unions(filter: {under: $id}) { totalCount edges { node { id } } } }", Map.of("id", target));
            case CHILDREN -> graphql(token, "union",
                    "query($id: ID!) { union(id: $id) { children(first: 5) { totalCount edges { node { id } } } } }", Map.of("id", target));
            case CREATE_UNDER -> graphql(token, "createUnion",
                    "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }", Map.of("input", childOf(target)));
            case UPDATE -> graphql(token, "updateUnion", "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id chairName } }",
                    Map.of("input", Map.of("id", target, "version", version, "chairName", "新任主席")));
            case UPDATE_STATUS -> graphql(token, "updateUnion", "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id status } }",
                    Map.of("input", Map.of("id", target, "version", version, "status", "PREPARING")));
            case MOVE -> graphql(token, "moveUnion", "mutation($input: MoveUnionInput!) { moveUnion(input: $input) { id } }",
                    Map.of("input", Map.of("id", target, "version", version, "newParentId", t.official().moveTo())));
            case DISSOLVE -> graphql(token, "dissolveUnion", "mutation($input: DissolveUnionInput!) { dissolveUnion(input: $input) { id status } }",
                    Map.of("input", Map.of("id", target, "version", version, "reason", "单位注销")));
            case NESTED -> throw new IllegalArgumentException("a check of its own");
        };
    }

    /** A valid new union for a parent of the given demo id, by the parent's level. */
    static Map<String, Object> childOf(long parentId) {
        String digits = String.valueOf(parentId);
        return switch (digits.length()) {
            case 1 -> Map.of("parentId", parentId, "level", "PROVINCIAL", "kind", "GENERAL_FEDERATION", "name", "新疆维吾尔自治区总工会",
                    "regionCode", "650000");
            // new unions take current region codes (issue 15): the province's first city, the city's first district
            case 2 -> Map.of("parentId", parentId, "level", "CITY", "kind", "GENERAL_FEDERATION", "name", "测试市总工会",
                    "regionCode", digits + "0100");
            case 4 -> Map.of("parentId", parentId, "level", "COUNTY", "kind", "GENERAL_FEDERATION", "name", "测试县总工会",
                    "regionCode", digits + "02");
            case 6 -> Map.of("parentId", parentId, "level", "TOWNSHIP", "kind", "TOWNSHIP_UNION", "name", "测试镇工会");
            default -> Map.of("parentId", parentId, "level", "GRASSROOTS", "kind", "JOINT", "name", "测试联合基层工会");
        };
    }
}
