package org.gonghui.site;

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
 * Service sites × every tier's relation to the host union: officials of the host union and of every
 * union above it read and edit the site; officials below it, of sibling and of other subtrees do not
 * see it (NOT_FOUND). The public map ({@code nearestSites}) answers everyone, anonymous callers
 * included, with open sites only. Demo site 2 河阳街道爱心驿站 belongs to 4103061 河阳街道; the closed site 7
 * stands next to it.
 */
@QuarkusTestWithOidc
class SiteAuthorizationMatrixTests extends AuthorizationMatrix<SiteAuthorizationMatrixTests.Operation, Long> {

    enum Operation {
        SITE, SITES, CREATE, UPDATE, NEAREST
    }

    static final long SITE = 2;
    static final long HOST = 4103061;
    static final long CLOSED_NEARBY = 7;

    static final Map<Official, Relation> CALLERS = Map.ofEntries(
            Map.entry(Official.HEYANG, Relation.OWN), Map.entry(Official.JILI, Relation.PARENT), Map.entry(Official.LUOYANG, Relation.ANCESTOR),
            Map.entry(Official.HENAN, Relation.ANCESTOR), Map.entry(Official.QUANZONG, Relation.ANCESTOR),
            Map.entry(Official.HEYANG_BAOAN, Relation.DESCENDANT), Map.entry(Official.SHUNDA, Relation.DESCENDANT),
            Map.entry(Official.KANGLE, Relation.SIBLING), Map.entry(Official.RUYANG, Relation.SIBLING),
            Map.entry(Official.BAICHENG, Relation.OUTSIDE), Map.entry(Official.JILIN, Relation.OUTSIDE));

    @Override
    protected List<Cell<Operation, Long>> cells() {
        List<Cell<Operation, Long>> cells = new ArrayList<>();
        for (Official official : Official.values()) {
            Relation relation = CALLERS.get(official);
            for (Operation operation : Operation.values()) {
                boolean sees = relation == Relation.OWN || relation == Relation.PARENT || relation == Relation.ANCESTOR;
                cells.add(cell(official.username, relation, operation, SITE, sees || operation == Operation.NEAREST ? OK : NOT_FOUND));
            }
        }
        for (Operation operation : Operation.values()) {
            cells.add(cell(MEMBER, Relation.MEMBER, operation, SITE, operation == Operation.NEAREST ? OK : FORBIDDEN));
            cells.add(cell(null, Relation.ANONYMOUS, operation, SITE, operation == Operation.NEAREST ? OK : UNAUTHENTICATED));
        }
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation == Operation.CREATE || operation == Operation.UPDATE;
    }

    @Override
    protected void assertAllowed(Cell<Operation, Long> cell, Result result, String before) {
        if (cell.operation() == Operation.NEAREST) {
            List<String> ids = result.json().getList("data.nearestSites.edges.node.id", String.class);
            assertTrue(ids.contains(String.valueOf(SITE)), result::toString);
            assertFalse(ids.contains(String.valueOf(CLOSED_NEARBY)), "the public map shows open sites only: " + result);
        }
    }

    @Override
    protected Call call(String token, Operation operation, Long site) {
        long version = DemoData.queryLong(dataSource(), "select version from service_site where id = " + site);
        return switch (operation) {
            case SITE -> graphql(token, "serviceSite", "query($id: ID!) { serviceSite(id: $id) { id hostUnion { id } } }", Map.of("id", site));
            case SITES -> graphql(token, "serviceSites", "query($u: ID!) { serviceSites(filter: {unionId: $u}) { edges { node { id } } } }",
                    Map.of("u", HOST));
            case CREATE -> graphql(token, "createServiceSite", "mutation($input: CreateServiceSiteInput!) { createServiceSite(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", HOST, "kind", "READING_ROOM", "name", "河阳街道职工书屋", "latitude", 34.8955, "longitude", 112.5718)));
            case UPDATE -> graphql(token, "updateServiceSite", "mutation($input: UpdateServiceSiteInput!) { updateServiceSite(input: $input) { id } }",
                    Map.of("input", Map.of("id", site, "version", version, "openingHours", "每日 7:00-22:00")));
            case NEAREST -> graphql(token, "nearestSites", """
                    query { nearestSites(latitude: 34.8952, longitude: 112.5713, radiusKm: 5, first: 50) { edges { distanceKm node { id } } } }""",
                    Map.of());
        };
    }
}
