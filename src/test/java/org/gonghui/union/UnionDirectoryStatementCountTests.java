package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.StatementCount.Counted;
import org.gonghui.testing.StatementCount;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page of findUnions with every card field (the unions above, the region, the location) and its
 * total costs two SQL statements whatever its size: the unions above and the region are read with the page.
 */
@QuarkusTestWithOidc
class UnionDirectoryStatementCountTests {

    @Inject
    SessionFactory sessionFactory;

    static final String FULL_CARDS = """
            { edges { cursor distanceKm node { id name kind address officePhone openingHours { dayOfWeek opens closes }
                above { id name level } region { code name retired } location(coordinateSystem: GCJ02) { latitude longitude } } }
              totalCount pageInfo { endCursor hasNextPage } }""";

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 2, 4 })
    void aPageOfCardsInIdOrderTakesAFixedNumberOfStatements(int pageSize) {
        String query = "query($first: Int, $after: String) { findUnions(first: $first, after: $after) " + FULL_CARDS + " }";
        Counted first = StatementCount.of(sessionFactory, null, query, Map.of("first", pageSize), pageSize, "data.findUnions.edges");
        Counted next = StatementCount.of(sessionFactory, null, query, Map.of("first", pageSize, "after", first.endCursor("data.findUnions")),
                pageSize, "data.findUnions.edges");
        // the page of cards (with the unions above and the region of each, own or inherited) and the count
        assertEquals(2, first.statements());
        assertEquals(2, next.statements());
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 1, 2 })
    void aPageOfCardsNearAPointTakesAFixedNumberOfStatements(int pageSize) {
        String query = "query($first: Int, $after: String) { findUnions(filter: {near: {latitude: 34.899, longitude: 112.58, radiusKm: 10}}, "
                + "first: $first, after: $after) " + FULL_CARDS + " }";
        Counted first = StatementCount.of(sessionFactory, null, query, Map.of("first", pageSize), pageSize, "data.findUnions.edges");
        Counted next = StatementCount.of(sessionFactory, null, query, Map.of("first", pageSize, "after", first.endCursor("data.findUnions")),
                pageSize, "data.findUnions.edges");
        // as above: the page with its unions above and regions, and the count
        assertEquals(2, first.statements());
        assertEquals(2, next.statements());
    }
}
