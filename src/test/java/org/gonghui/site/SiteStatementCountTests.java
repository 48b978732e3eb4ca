package org.gonghui.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.StatementCount;
import org.gonghui.testing.StatementCount.Counted;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * Pages of sites, the officials' list and the public nearest-site search, cost a fixed number of SQL
 * statements whatever their size, host unions batched for the whole page (demo sites 1-10).
 */
@QuarkusTestWithOidc
class SiteStatementCountTests {

    @Inject
    SessionFactory sessionFactory;

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 2, 4 })
    void pageOfSitesWithHostUnionsTakesAFixedNumberOfStatements(int pageSize) {
        String query = """
                query($first: Int, $after: String) { serviceSites(first: $first, after: $after) { pageInfo { endCursor hasNextPage }
                    edges { cursor node { id name status hostUnion { id name } location(coordinateSystem: GCJ02) { latitude longitude } } } } }""";
        String token = Tokens.forDemoUser("quanzong");
        Counted first = StatementCount.of(sessionFactory, token, query, Map.of("first", pageSize), pageSize, "data.serviceSites.edges");
        Counted next = StatementCount.of(sessionFactory, token, query,
                Map.of("first", pageSize, "after", first.endCursor("data.serviceSites")), pageSize, "data.serviceSites.edges");
        // measured on the code before issue 12's refactoring: 2 and 2 (first page, next page); equal or lower afterwards
        assertEquals(2, first.statements());
        assertEquals(2, next.statements());
    }

    @ParameterizedTest(name = "page of {0}")
    @ValueSource(ints = { 1, 2 })
    void pageOfNearestSitesForAnonymousCallersTakesAFixedNumberOfStatements(int pageSize) {
        String query = """
                query($first: Int, $after: String) { nearestSites(latitude: 34.90, longitude: 112.58, radiusKm: 30, first: $first, after: $after) {
                    pageInfo { endCursor hasNextPage } edges { cursor distanceKm location { latitude } node { id name hostUnion { id name } } } } }""";
        Counted first = StatementCount.of(sessionFactory, null, query, Map.of("first", pageSize), pageSize, "data.nearestSites.edges");
        Counted next = StatementCount.of(sessionFactory, null, query,
                Map.of("first", pageSize, "after", first.endCursor("data.nearestSites")), pageSize, "data.nearestSites.edges");
        // measured on the code before issue 12's refactoring: 3 and 3 (first page, next page); equal or lower afterwards
        assertEquals(3, first.statements());
        assertEquals(3, next.statements());
    }
}
