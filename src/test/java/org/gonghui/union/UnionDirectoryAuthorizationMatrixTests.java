package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;

/**
 * The public union directory and its card: findUnions and regions answer everyone, anonymous callers
 * included; the card's fields (address, office phone and whether it is published, hours, location) are
 * changed through updateUnion only by officials of the union and of the unions above it (siblings and
 * other subtrees: NOT_FOUND, members: FORBIDDEN, anonymous: UNAUTHENTICATED). Target: 41030611 河阳保安.
 */
@QuarkusTestWithOidc
class UnionDirectoryAuthorizationMatrixTests extends AuthorizationMatrix<UnionDirectoryAuthorizationMatrixTests.Operation, Long> {

    enum Operation {
        FIND_UNIONS, FIND_NEAR, REGIONS, UPDATE_CARD
    }

    static final long TARGET = 41030611;

    static final Map<Official, Relation> CALLERS = Map.ofEntries(
            Map.entry(Official.HEYANG_BAOAN, Relation.OWN), Map.entry(Official.HEYANG, Relation.PARENT), Map.entry(Official.JILI, Relation.ANCESTOR),
            Map.entry(Official.LUOYANG, Relation.ANCESTOR), Map.entry(Official.HENAN, Relation.ANCESTOR), Map.entry(Official.QUANZONG, Relation.ANCESTOR),
            Map.entry(Official.SHUNDA, Relation.SIBLING), Map.entry(Official.KANGLE, Relation.SIBLING), Map.entry(Official.RUYANG, Relation.SIBLING),
            Map.entry(Official.BAICHENG, Relation.OUTSIDE), Map.entry(Official.JILIN, Relation.OUTSIDE));

    static boolean isPublic(Operation operation) {
        return operation != Operation.UPDATE_CARD;
    }

    @Override
    protected List<Cell<Operation, Long>> cells() {
        List<Cell<Operation, Long>> cells = new ArrayList<>();
        for (Official official : Official.values()) {
            Relation relation = CALLERS.get(official);
            boolean above = relation == Relation.OWN || relation == Relation.PARENT || relation == Relation.ANCESTOR;
            for (Operation operation : Operation.values()) {
                cells.add(cell(official.username, relation, operation, TARGET, isPublic(operation) || above ? OK : NOT_FOUND));
            }
        }
        for (Operation operation : Operation.values()) {
            cells.add(cell(MEMBER, Relation.MEMBER, operation, TARGET, isPublic(operation) ? OK : FORBIDDEN));
            cells.add(cell(null, Relation.ANONYMOUS, operation, TARGET, isPublic(operation) ? OK : UNAUTHENTICATED));
        }
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation == Operation.UPDATE_CARD;
    }

    @Override
    protected void assertAllowed(Cell<Operation, Long> cell, Result result, String before) {
        switch (cell.operation()) {
            case FIND_UNIONS, FIND_NEAR -> {
                List<String> ids = result.json().getList("data.findUnions.edges.node.id", String.class);
                assertTrue(ids.contains(String.valueOf(TARGET)), result::toString);
                // 顺达商贸 keeps its phone unpublished, for every caller
                assertFalse(result.body().contains("69881212"), result::toString);
            }
            case REGIONS -> assertEquals("410306", result.data("regions.edges[0].node.code"), result::toString);
            case UPDATE_CARD -> assertEquals(true, result.data("updateUnion.publishOfficePhone"), result::toString);
        }
    }

    @Override
    protected Call call(String token, Operation operation, Long union) {
        return switch (operation) {
            case FIND_UNIONS -> graphql(token, "findUnions", """
                    query { findUnions(filter: {regionCode: "410306"}, first: 50) { totalCount edges { node { id officePhone above { id } region { code } } } } }""",
                    Map.of());
            case FIND_NEAR -> graphql(token, "findUnions", """
                    query { findUnions(filter: {near: {latitude: 34.8990, longitude: 112.5800, radiusKm: 5}}, first: 50) {
                      edges { distanceKm node { id officePhone location { latitude } } } } }""", Map.of());
            case REGIONS -> graphql(token, "regions", """
                    query { regions(parentCode: "410300", includeRetired: true, first: 50, after: "%s") { edges { node { code retired } } } }"""
                    .formatted(regionCursorBefore410306()), Map.of());
            case UPDATE_CARD -> graphql(token, "updateUnion", "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id publishOfficePhone } }",
                    Map.of("input", Map.of("id", union, "version", DemoData.version(dataSource(), union), "address", "河阳路 22 号",
                            "officePhone", "0379-69881299", "publishOfficePhone", true,
                            "openingHours", List.of(Map.of("dayOfWeek", "FRIDAY", "opens", "09:00", "closes", "11:30")),
                            "latitude", 34.8960, "longitude", 112.5730)));
        };
    }

    /** The cursor of 410305, so that the page starts at 吉利区 410306 (a retired code the list still holds). */
    private static String regionCursorBefore410306() {
        return org.gonghui.support.paging.Cursor.encode(org.gonghui.region.RegionGraphQLApi.REGIONS, null, 410305L);
    }
}
