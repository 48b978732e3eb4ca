package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * The document measure alone, against the published schema: linear work whatever the fragments,
 * and a price on every field that reads a whole subtree.
 */
class DocumentLimitsTest {

    private static GraphQLSchema schema;

    /** The defaults of {@link RequestLimits}, as application.properties sets them. */
    private static final RequestLimits LIMITS = new RequestLimits() {
        public int maxCharacters() { return 20_000; }
        public int maxTokens() { return 3_000; }
        public int maxDepth() { return 12; }
        public int maxComplexity() { return 5_000; }
        public int maxAliases() { return 30; }
        public int maxOperations() { return 10; }
        public int maxHeavyFields() { return 5; }
        public int maxAsOfFields() { return 1; }
        public int maxMemberNameSearches() { return 1; }
        public int heavyWorkPerMinute() { return 600; }
        public Duration statementTimeout() { return Duration.ofSeconds(5); }
        public Duration bodyTimeout() { return Duration.ofSeconds(10); }
    };

    @BeforeAll
    static void readSchema() throws Exception {
        // the published schema leaves SmallRye's built-in scalars undeclared
        String sdl = Files.readString(Path.of("schema.graphql"));
        for (String scalar : List.of("Date", "DateTime", "BigInteger", "BigDecimal", "Time", "Duration", "Void")) {
            if (!sdl.contains("scalar " + scalar + "\n")) {
                sdl = "scalar " + scalar + "\n" + sdl;
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    private static DocumentLimits.Measure measure(String query) {
        return measure(query, Map.of());
    }

    private static DocumentLimits.Measure measure(String query, Map<String, Object> variables) {
        return DocumentLimits.measure(Parser.parse(query), variables, schema, LIMITS, 20);
    }

    /** {@code { ...F0 }} where each fragment spreads the next twice: 2^levels copies of the leaf once expanded. */
    static String fragmentChain(int levels, String leaf) {
        StringBuilder query = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < levels; i++) {
            query.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        return query.append(" fragment F").append(levels).append(" on Query { ").append(leaf).append(" }").toString();
    }

    static String aliased(int times, String field) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < times; i++) {
            query.append(" a").append(i).append(": ").append(field);
        }
        return query.append(" }").toString();
    }

    @Test
    void nodesVisitedGrowLinearlyWithTheFragmentChain() {
        long[] visited = IntStream.of(10, 20, 30, 40).mapToLong(n -> measure(fragmentChain(n, "me { tier }")).visited()).toArray();
        long step = visited[1] - visited[0];
        assertTrue(step > 0, () -> "visited " + List.of(visited[0], visited[1]));
        assertEquals(step, visited[2] - visited[1], "each 10 more levels cost the same");
        assertEquals(step, visited[3] - visited[2], "each 10 more levels cost the same");
        // two spreads per level and the leaf's two selections: about 2 per level, not 2^40
        assertTrue(visited[3] <= 3 * 40 + 10, () -> "40 levels visited " + visited[3] + " selections");
    }

    @Test
    void fortyLevelChainIsMeasuredWithEverySpreadCounted() {
        DocumentLimits.Measure chain = measure(fragmentChain(40, "a: me { tier }"));
        assertNotNull(chain.violation());
        assertTrue(chain.violation().startsWith("complexity:"), chain::violation);
        assertTrue(chain.aliases() > (1L << 39), () -> "aliases " + chain.aliases());
    }

    @Test
    void aliasesInsideAFragmentCountOncePerSpread() {
        String query = "{ ...F ...G } fragment F on Query { a: me { tier } b: me { tier } } fragment G on Query { ...F ...F }";
        assertEquals(6, measure(query).aliases());
    }

    @Test
    void thirtyAliasedMemberSearchCountsBreakTheHeavyFieldLimit() {
        DocumentLimits.Measure thirty = measure(aliased(30, "members(first: 1, filter: {nameContains: \"工\"}) { totalCount }"));
        assertNotNull(thirty.violation());
        assertTrue(thirty.violation().startsWith("heavy:"), thirty::violation);
        assertEquals(60, thirty.heavyFields(), "each alias searches and counts");
    }

    @Test
    void thirtyAliasedTenYearTrendsBreakTheHeavyFieldLimit() {
        DocumentLimits.Measure thirty = measure(aliased(30, "memberTrend(unionId: 41, from: \"2016-01\", to: \"2025-12\") { month newMembers }"));
        assertNotNull(thirty.violation());
        assertTrue(thirty.violation().startsWith("heavy:"), thirty::violation);
        assertEquals(300, thirty.heavyCost(), "ten units per ten-year trend");
    }

    @Test
    void trendsArePricedByTheMonthsAskedFor() {
        String trend = "query($from: String!, $to: String!) { memberTrend(unionId: 41, from: $from, to: $to) { month } }";
        assertEquals(1, measure(trend, Map.of("from", "2026-01", "to", "2026-12")).heavyCost());
        assertEquals(10, measure(trend, Map.of("from", "2016-01", "to", "2025-12")).heavyCost());
        assertEquals(10, measure(trend).heavyCost(), "unknown months cost the longest trend");
    }

    @Test
    void statisticsAsOfAPastDayCostMoreThanCurrentFigures() {
        assertEquals(1, measure("{ statistics(unionId: 41) { members } }").heavyCost());
        assertEquals(11, measure("{ statistics(unionId: 41, asOf: \"2025-01-01\") { members } }").heavyCost());
        assertEquals(21, measure("{ statistics(unionId: 41, asOf: \"2025-01-01\", period: {from: \"2016-01\", to: \"2025-12\"}) { members } }")
                .heavyCost());
    }

    @Test
    void twoFiguresAsOfAPastDayInOneDocumentAreRefusedButADrillDownAsOfIsOneField() {
        DocumentLimits.Measure two = measure("{ a: statistics(unionId: 1, asOf: \"2025-01-01\") { members } "
                + "b: statistics(unionId: 1, asOf: \"2024-01-01\") { members } }");
        assertTrue(two.violation().startsWith("heavy:"), two::violation);
        assertEquals(2, two.asOfFields());
        DocumentLimits.Measure drillDown = measure("{ union(id: 1) { children(first: 20) { edges { node { "
                + "statistics(asOf: \"2025-01-01\") { members } } } } } }");
        assertNull(drillDown.violation(), drillDown::violation);
        assertEquals(1, drillDown.asOfFields());
        DocumentLimits.Measure current = measure("{ a: statistics(unionId: 1) { members } b: statistics(unionId: 41) { members } "
                + "c: statistics(unionId: 22, asOf: \"2025-01-01\") { members } }");
        assertNull(current.violation(), current::violation);
    }

    @Test
    void twoMemberNameSearchesInOneDocumentAreRefusedButOneBesideOtherMemberListsIsNot() {
        DocumentLimits.Measure two = measure(aliased(2, "members(first: 1, filter: {nameContains: \"王\"}) { totalCount }"));
        assertTrue(two.violation().startsWith("heavy:"), two::violation);
        assertTrue(two.violation().contains("姓名搜索"), two::violation);
        assertEquals(2, two.nameSearches());
        DocumentLimits.Measure one = measure("{ a: members(first: 20, filter: {nameContains: \"王\"}) { totalCount edges { node { id } } } "
                + "b: members(first: 20, filter: {unionId: 41}) { totalCount } }");
        assertNull(one.violation(), one::violation);
        assertEquals(1, one.nameSearches());
        DocumentLimits.Measure unions = measure(aliased(2, "unions(first: 1, filter: {nameContains: \"王\"}) { totalCount }"));
        assertNull(unions.violation(), unions::violation);
        assertEquals(0, unions.nameSearches());
    }

    @Test
    void heavyFieldsBelowAPageCountOncePerRow() {
        DocumentLimits.Measure drillDown = measure("{ union(id: 41) { children(first: 20) { totalCount edges { node { name "
                + "statistics(asOf: \"2025-01-01\") { members } } } } } }");
        assertNull(drillDown.violation(), drillDown::violation);
        assertEquals(3 + 20 * 11, drillDown.heavyCost(), "the count once, the figures once per child");
        assertEquals(2, drillDown.heavyFields());
        DocumentLimits.Measure hundred = measure("{ unions(first: 100) { edges { node { statistics(asOf: \"2025-01-01\") { members } } } } }");
        assertNotNull(hundred.violation());
        assertTrue(hundred.violation().startsWith("heavy:"), hundred::violation);
    }

    @Test
    void usefulWorkOfAProvincialOfficialPasses() {
        for (String query : List.of(
                "{ members(filter: {nameContains: \"王\"}) { totalCount } }",
                "{ memberTrend(unionId: 41, from: \"2016-01\", to: \"2025-12\") { month newMembers withdrawals } }",
                "{ union(id: 41) { children(first: 20) { edges { node { name statistics { members newMembers } } } } } }",
                "{ union(id: 41) { children(first: 20) { edges { node { name statistics(asOf: \"2025-12-31\") { members } } } } } }",
                "{ statistics(unionId: 41) { members } memberTrend(unionId: 41, from: \"2026-01\", to: \"2026-12\") { month } "
                        + "keyGroupEnrolment(unionId: 41) { members } programTotals(unionId: 41) { total { programs } } "
                        + "members(first: 20) { totalCount edges { node { name } } } }")) {
            DocumentLimits.Measure measure = measure(query);
            assertNull(measure.violation(), () -> query + ": " + measure.violation());
        }
    }

    @Test
    void everyPricedCoordinateExistsInTheSchema() {
        for (String coordinate : FieldCosts.HEAVY.keySet()) {
            String[] parts = coordinate.split("\\.");
            assertTrue(schema.getType(parts[0]) instanceof GraphQLObjectType type && type.getFieldDefinition(parts[1]) != null,
                    () -> coordinate + " is priced but not in the schema");
        }
    }

    /**
     * The class of field that reads a whole subtree: counts and totals over a list, figures as of a
     * day or over a period, trends over months, name searches. A new one fails here until it is priced.
     */
    @Test
    void everyCountSearchTrendAndFiguresFieldIsPriced() {
        List<String> unpriced = new ArrayList<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream().filter(t -> t instanceof GraphQLObjectType)
                .map(t -> (GraphQLObjectType) t).filter(t -> !t.getName().startsWith("__")).toList()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                boolean counts = field.getName().equals("totalCount") || field.getName().equals("totals");
                boolean figures = field.getArgument("asOf") != null || field.getArgument("period") != null || field.getName().endsWith("Trend");
                boolean searches = field.getArguments().stream().anyMatch(a -> GraphQLTypeUtil.unwrapAll(a.getType()) instanceof GraphQLInputObjectType input
                        && input.getFieldDefinitions().stream().anyMatch(f -> f.getName().endsWith("Contains")));
                if ((counts || figures || searches) && !FieldCosts.HEAVY.containsKey(type.getName() + "." + field.getName())) {
                    unpriced.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertEquals(List.of(), unpriced, "fields that read a whole subtree without a price in FieldCosts");
    }
}
