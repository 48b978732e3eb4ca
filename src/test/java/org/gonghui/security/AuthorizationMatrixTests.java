package org.gonghui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every tier × {own union, inside the subtree, a sibling subtree, an ancestor} × every union
 * operation, with members and anonymous callers as extra rows. Each cell states its outcome: OK, or
 * the exact error code, in which case the root field is null and the database is unchanged.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AuthorizationMatrixTests {

    static final String OK = "OK";

    @Inject
    DataSource dataSource;

    enum Relation {
        OWN, INSIDE, SIBLING, ANCESTOR
    }

    enum Operation {
        UNION, UNIONS_UNDER, CHILDREN, CREATE_UNDER, UPDATE, UPDATE_STATUS, MOVE, DISSOLVE
    }

    /** A demo official and the union they act on for each relation (null: the tier has no such union). */
    record Official(String username, long own, Long inside, Long sibling, Long ancestor, long moveTarget, long moveTo) {

        Long target(Relation relation) {
            return switch (relation) {
                case OWN -> own;
                case INSIDE -> inside;
                case SIBLING -> sibling;
                case ANCESTOR -> ancestor;
            };
        }
    }

    // Demo hierarchy: 1 全总 > 41 河南 > 4103 洛阳 > 410306 吉利区 > 4103061 河阳街道 > 41030611 河阳保安, 41030612 顺达商贸.
    static final List<Official> OFFICIALS = List.of(
            new Official("quanzong", 1, 41L, null, null, 41030612, 4103062),
            new Official("henan", 41, 4103L, 22L, 1L, 41030612, 4103062),
            new Official("luoyang", 4103, 410306L, 4101L, 41L, 41030612, 4103062),
            new Official("jili", 410306, 4103061L, 410326L, 4103L, 41030612, 4103062),
            new Official("heyang", 4103061, 41030612L, 4103062L, 410306L, 41030612, 4103061),
            new Official("heyang-baoan", 41030611, null, 41030612L, 4103061L, 41030611, 4103061));

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : Relation.values()) {
                Long target = official.target(relation);
                if (target == null) {
                    continue;
                }
                for (Operation operation : Operation.values()) {
                    String expected = expected(official, relation, operation);
                    cells.add(Arguments.of(Named.of(official.username() + " " + operation + " on " + relation + " (" + target
                            + ") → " + expected, official), relation, operation, expected));
                }
            }
        }
        return cells.stream();
    }

    /** The rule under test, cell by cell. */
    static String expected(Official official, Relation relation, Operation operation) {
        if (relation == Relation.SIBLING || relation == Relation.ANCESTOR) {
            return "NOT_FOUND";
        }
        boolean own = relation == Relation.OWN;
        boolean grassrootsTarget = own ? official.username().equals("heyang-baoan") : official.username().equals("heyang");
        return switch (operation) {
            case UNION, UNIONS_UNDER, CHILDREN, UPDATE -> OK;
            // a grassroots union has no children
            case CREATE_UNDER -> grassrootsTarget ? "VALIDATION" : OK;
            // kind, status and region of one's own union are decided one tier up
            case UPDATE_STATUS -> own ? "FORBIDDEN" : OK;
            // moving and dissolving need authority over the parent, which one's own union's parent is not
            case MOVE -> own ? "FORBIDDEN" : official.username().equals("heyang") ? "VALIDATION" : OK;
            case DISSOLVE -> own ? "FORBIDDEN" : OK;
        };
    }

    /** The bearer token of a demo user; the Keycloak end-to-end suite logs in for real instead. */
    protected String tokenFor(String username) {
        return Tokens.forDemoUser(username);
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    @ParameterizedTest
    @MethodSource("cells")
    void officialsActOnlyInsideTheirSubtree(Official official, Relation relation, Operation operation, String expected) {
        String token = tokenFor(official.username());
        long target = relation == Relation.INSIDE && (operation == Operation.MOVE || operation == Operation.DISSOLVE)
                ? official.moveTarget()
                : official.target(relation);
        assertCell(token, official, target, operation, expected);
    }

    static Stream<Arguments> everyOperation() {
        return Stream.of(Operation.values()).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("everyOperation")
    void membersMayNotTouchUnions(Operation operation) {
        assertCell(tokenFor("worker"), OFFICIALS.get(3), 410306, operation, "FORBIDDEN");
    }

    @ParameterizedTest
    @MethodSource("everyOperation")
    void anonymousCallersAreAskedToSignIn(Operation operation) {
        assertCell(null, OFFICIALS.get(3), 410306, operation, "UNAUTHENTICATED");
    }

    static Stream<Arguments> nestedCells() {
        List<Arguments> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : List.of(Relation.OWN, Relation.INSIDE)) {
                if (official.target(relation) != null) {
                    cells.add(Arguments.of(Named.of(official.username() + " " + relation, official), relation));
                }
            }
        }
        return cells.stream();
    }

    /**
     * The relation "outside union reached through a nested field": the parent of a union one sees is
     * returned by {@code parent} (and {@code me { union { parent } }}) exactly when {@code union(id)}
     * returns it; one's own union's parent lies outside, so it is null there and NOT_FOUND directly.
     */
    @ParameterizedTest
    @MethodSource("nestedCells")
    void outsideUnionsReachedThroughNestedFieldsAreHidden(Official official, Relation relation) {
        String token = tokenFor(official.username());
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
                assertEquals("NOT_FOUND", direct.errorCode(), direct::toString);
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

    void assertCell(String token, Official official, long target, Operation operation, String expected) {
        String before = DemoData.fingerprint(dataSource);
        int version = DemoData.version(dataSource, target);
        Result result = switch (operation) {
            case UNION -> GraphQLClient.post(token, "query($id: ID!) { union(id: $id) { id name } }", Map.of("id", target));
            case UNIONS_UNDER -> GraphQLClient.post(token,
                    "query($id: ID!) { unions(filter: {under: $id}) { totalCount edges { node { id } } } }", Map.of("id", target));
            case CHILDREN -> GraphQLClient.post(token,
                    "query($id: ID!) { union(id: $id) { children(first: 5) { totalCount edges { node { id } } } } }", Map.of("id", target));
            case CREATE_UNDER -> GraphQLClient.post(token,
                    "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }", Map.of("input", childOf(target)));
            case UPDATE -> GraphQLClient.post(token, "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id chairName } }",
                    Map.of("input", Map.of("id", target, "version", version, "chairName", "新任主席")));
            case UPDATE_STATUS -> GraphQLClient.post(token, "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id status } }",
                    Map.of("input", Map.of("id", target, "version", version, "status", "PREPARING")));
            case MOVE -> GraphQLClient.post(token, "mutation($input: MoveUnionInput!) { moveUnion(input: $input) { id } }",
                    Map.of("input", Map.of("id", target, "version", version, "newParentId", official.moveTo())));
            case DISSOLVE -> GraphQLClient.post(token, "mutation($input: DissolveUnionInput!) { dissolveUnion(input: $input) { id status } }",
                    Map.of("input", Map.of("id", target, "version", version, "reason", "单位注销")));
        };
        assertEquals(200, result.status(), result::toString);
        String root = rootField(operation);
        if (OK.equals(expected)) {
            assertFalse(result.hasErrors(), result::toString);
            assertNotNull(result.data(root), result::toString);
        } else {
            assertEquals(expected, result.errorCode(), result::toString);
            assertNotNull(result.errorMessage(), result::toString);
            assertNull(result.data(root), result::toString);
            assertEquals(before, DemoData.fingerprint(dataSource), "database changed although the operation was refused");
        }
    }

    private static String rootField(Operation operation) {
        return switch (operation) {
            case UNION, CHILDREN -> "union";
            case UNIONS_UNDER -> "unions";
            case CREATE_UNDER -> "createUnion";
            case UPDATE, UPDATE_STATUS -> "updateUnion";
            case MOVE -> "moveUnion";
            case DISSOLVE -> "dissolveUnion";
        };
    }

    /** A valid new union for a parent of the given demo id, by the parent's level. */
    static Map<String, Object> childOf(long parentId) {
        String digits = String.valueOf(parentId);
        return switch (digits.length()) {
            case 1 -> Map.of("parentId", parentId, "level", "PROVINCIAL", "kind", "GENERAL_FEDERATION", "name", "新疆维吾尔自治区总工会",
                    "regionCode", "650000");
            case 2 -> Map.of("parentId", parentId, "level", "CITY", "kind", "GENERAL_FEDERATION", "name", "测试市总工会",
                    "regionCode", digits + "9900");
            case 4 -> Map.of("parentId", parentId, "level", "COUNTY", "kind", "GENERAL_FEDERATION", "name", "测试县总工会",
                    "regionCode", digits + "99");
            case 6 -> Map.of("parentId", parentId, "level", "TOWNSHIP", "kind", "TOWNSHIP_UNION", "name", "测试镇工会");
            default -> Map.of("parentId", parentId, "level", "GRASSROOTS", "kind", "JOINT", "name", "测试联合基层工会");
        };
    }
}
