package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;


/** Reading the hierarchy: fields, breadcrumbs, parents at the scope's edge, filters and paging. */
@QuarkusTestWithOidc
class UnionQueriesTests {

    static final String JILI = Tokens.forDemoUser("jili");

    @Test
    void unionShowsItsRecordAndBreadcrumbRootFirst() {
        Result result = GraphQLClient.post(JILI, """
                { union(id: 41030611) { id name shortName level kind formationMode regionCode status chairName
                    hostEmployerName hostEmployerCreditCode descendantCount version
                    ancestors { id name level } } }""");
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("洛阳河阳保安服务有限公司工会", result.data("union.name"));
        assertEquals("GRASSROOTS", result.data("union.level"));
        assertEquals("ENTERPRISE", result.data("union.kind"));
        assertEquals("STANDALONE", result.data("union.formationMode"));
        assertEquals("91410306MA44X1B2CC", result.data("union.hostEmployerCreditCode"));
        assertEquals(List.of("1", "41", "4103", "410306", "4103061"), result.json().getList("data.union.ancestors.id"));
        assertEquals(List.of("NATIONAL", "PROVINCIAL", "CITY", "COUNTY", "TOWNSHIP"), result.json().getList("data.union.ancestors.level"));
    }

    @Test
    void parentOutsideTheScopeIsNullButBreadcrumbStillNamesIt() {
        Result result = GraphQLClient.post(JILI, "{ union(id: 410306) { parent { id } ancestors { name } } }");
        assertFalse(result.hasErrors(), result::toString);
        assertNull(result.data("union.parent"));
        assertEquals(List.of("中华全国总工会", "河南省总工会", "洛阳市总工会"), result.json().getList("data.union.ancestors.name"));
    }

    @Test
    void parentInsideTheScopeIsReturned() {
        Result result = GraphQLClient.post(JILI, "{ union(id: 4103061) { parent { id name } } }");
        assertEquals("410306", result.data("union.parent.id"));
    }

    @Test
    void ancestorOfTheCallerIsNotFound() {
        Result result = GraphQLClient.post(JILI, "{ union(id: 4103) { id } }");
        assertEquals("NOT_FOUND", result.errorCode());
        assertNull(result.data("union"));
    }

    @Test
    void unknownIdIsNotFoundLikeAnOutOfScopeOne() {
        Result missing = GraphQLClient.post(JILI, "{ union(id: 123456789) { id } }");
        Result hidden = GraphQLClient.post(JILI, "{ union(id: 22) { id } }");
        assertEquals("NOT_FOUND", missing.errorCode());
        assertEquals("NOT_FOUND", hidden.errorCode());
        assertEquals(missing.errorMessage().replace("123456789", "X"), hidden.errorMessage().replace("22", "X"));
    }

    @Test
    void childrenArePagedInIdOrderWithTotalCount() {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Result page = GraphQLClient.post(JILI, """
                    query($after: String) { union(id: 410306) { children(first: 3, after: $after) {
                        totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }""",
                    after == null ? Map.of() : Map.of("after", after));
            assertFalse(page.hasErrors(), page::toString);
            assertEquals(4, (int) page.data("union.children.totalCount"));
            seen.addAll(page.json().getList("data.union.children.edges.node.id"));
            assertEquals(after != null, page.data("union.children.pageInfo.hasPreviousPage"));
            more = page.data("union.children.pageInfo.hasNextPage");
            after = page.data("union.children.pageInfo.endCursor");
        }
        assertEquals(List.of("4103061", "4103062", "41030601", "41030602"), seen);
    }

    @Test
    void unionsListsTheWholeSubtreeInTreeOrder() {
        Result result = GraphQLClient.post(JILI, "{ unions(first: 100) { totalCount edges { node { id } } pageInfo { hasNextPage } } }");
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(8, (int) result.data("unions.totalCount"));
        List<String> ids = result.json().getList("data.unions.edges.node.id");
        assertEquals("410306", ids.get(0));
        // every union appears after its parent
        assertTrue(ids.indexOf("4103061") < ids.indexOf("41030611"));
        assertFalse((Boolean) result.data("unions.pageInfo.hasNextPage"));
    }

    @Test
    void unionsUnderExcludesTheUnionItselfAndCombinesFilters() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("baicheng"), """
                { unions(filter: {under: 2208, level: GRASSROOTS, kind: ENTERPRISE, nameContains: "物业"}) {
                    totalCount edges { node { name } } } }""");
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(3, (int) result.data("unions.totalCount"));
        assertEquals(List.of("白城金源物业服务有限公司工会", "白城佳源物业管理有限公司工会", "白城亮洁物业有限公司工会"),
                result.json().getList("data.unions.edges.node.name"));
    }

    @Test
    void nameFilterTreatsWildcardsLiterally() {
        Result result = GraphQLClient.post(JILI, "{ unions(filter: {nameContains: \"%\"}) { totalCount } }");
        assertEquals(0, (int) result.data("unions.totalCount"));
    }

    @Test
    void regionAndStatusFiltersSelectExactly() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("quanzong"), """
                { unions(filter: {regionCode: "220882", status: ACTIVE}) { totalCount } }""");
        assertEquals(4, (int) result.data("unions.totalCount"), result::toString);
    }

    @Test
    void pageSizeAboveTheMaximumIsLimitExceeded() {
        Result result = GraphQLClient.post(JILI, "{ unions(first: 101) { totalCount } }");
        assertEquals("LIMIT_EXCEEDED", result.errorCode());
        assertTrue(result.errorMessage().startsWith("first:"), result::toString);
        assertNull(result.data("unions"));
    }

    @Test
    void negativePageSizeIsValidation() {
        Result result = GraphQLClient.post(JILI, "{ unions(first: -1) { totalCount } }");
        assertEquals("VALIDATION", result.errorCode());
    }

    @Test
    void foreignCursorIsValidation() {
        Result result = GraphQLClient.post(JILI, "{ unions(after: \"bm90LWEtY3Vyc29y\") { totalCount } }");
        assertEquals("VALIDATION", result.errorCode());
        assertTrue(result.errorMessage().startsWith("after:"), result::toString);
    }

    @Test
    void pagingThroughUnionsVisitsEveryUnionOnce() {
        Result all = GraphQLClient.post(Tokens.forDemoUser("henan"), "{ unions(first: 100) { edges { node { id } } } }");
        List<String> expected = all.json().getList("data.unions.edges.node.id");
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Result page = GraphQLClient.post(Tokens.forDemoUser("henan"),
                    "query($after: String) { unions(first: 4, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }",
                    after == null ? Map.of() : Map.of("after", after));
            seen.addAll(page.json().getList("data.unions.edges.node.id"));
            after = Boolean.TRUE.equals(page.data("unions.pageInfo.hasNextPage")) ? page.data("unions.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(expected, seen);
        assertEquals(28, seen.size());
    }

    @Test
    void descendantCountCountsTheWholeSubtree() {
        Result result = GraphQLClient.post(Tokens.forDemoUser("quanzong"),
                "{ a: union(id: 1) { descendantCount } b: union(id: 410306) { descendantCount } c: union(id: 41030611) { descendantCount } }");
        assertEquals(62, (int) result.data("a.descendantCount"));
        assertEquals(7, (int) result.data("b.descendantCount"));
        assertEquals(0, (int) result.data("c.descendantCount"));
    }

    @Test
    void meOfAnOfficialNamesTheirTierAndUnion() {
        Result result = GraphQLClient.post(JILI, "{ me { subject username tier union { id name level } } }");
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("COUNTY", result.data("me.tier"));
        assertEquals("吉利区总工会", result.data("me.union.name"));
        assertNotNull(result.data("me.subject"));
    }
}
