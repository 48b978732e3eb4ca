package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * Malformed values inside a request, literal or variable, at the top level or deep in an input:
 * every error names the argument and the rule, carries a code from the README's table, and never
 * repeats a value that may be personal data nor names a Java or graphql-java internal.
 */
@QuarkusTestWithOidc
class MalformedInputTests {

    static final String JILI = Tokens.forDemoUser("jili");
    static final long JILI_UNION = Tokens.demoUser("jili").unionId();
    static final String ID_NUMBER = "110101199003077777";
    static final String PHONE = "13800138000";
    /** The codes of the README's error table. */
    static final Set<String> CODES = Set.of("UNAUTHENTICATED", "BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT",
            "LIMIT_EXCEEDED", "INTERNAL", "UNAVAILABLE", "RATE_LIMITED");
    static final List<String> INTERNALS = List.of(ID_NUMBER, PHONE, "java", "graphql.", "StringValue", "ObjectValue", "SRGQL",
            "DataFetchingException", "ValidationError", "classification", "Unknown Scalar Type", "org.gonghui", "Exception");
    static final String MEMBERS = "query Q($f: MemberFilter) { members(filter: $f) { totalCount } }";

    @Inject
    DataSource dataSource;

    @Inject
    GraphQLSchema schema;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    /** The response is clean and its only error has this status, code and argument path. */
    static Result assertRefused(Result result, int status, String code, String path) {
        assertEquals(status, result.status(), result::toString);
        for (String internal : INTERNALS) {
            assertFalse(result.body().contains(internal), () -> "the response holds " + internal + ": " + result);
        }
        assertFalse(result.errors().isEmpty(), result::toString);
        for (Map<String, Object> error : result.errors()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
            assertTrue(extensions != null && CODES.contains(extensions.get("code")), () -> "an error without a README code: " + result);
            assertEquals(Set.of("code"), extensions.keySet(), result::toString);
        }
        assertEquals(code, result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith(path + ": "), result::toString);
        return result;
    }

    static Map<String, Object> personalFilter(String key, Object value) {
        Map<String, Object> filter = new HashMap<>(Map.of("idNumber", ID_NUMBER, "phone", PHONE));
        filter.put(key, value);
        return Map.of("f", filter);
    }

    // --- coercion inside input objects, literal and variable

    @Test
    void invalidDateInsideAnInputLiteralIsValidationNamingTheFieldWithoutEchoingTheFilter() {
        Result result = GraphQLClient.post(JILI, "{ members(filter: {joinedFrom: \"2020-13-45\", idNumber: \"" + ID_NUMBER
                + "\", phone: \"" + PHONE + "\"}) { totalCount } }");
        assertRefused(result, 200, "VALIDATION", "filter.joinedFrom");
        assertNull(result.data("members"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = { "bad", "2020-13-45", "2020-02-30", "0000-01-01", "-0001-01-01", "+10000-01-01", "20200101", "2020-1-1",
            "2020-01-01T00:00:00" })
    void invalidDateInAVariableIsValidationNamingTheField(String date) {
        assertRefused(GraphQLClient.post(JILI, MEMBERS, personalFilter("joinedFrom", date)), 200, "VALIDATION", "filter.joinedFrom");
    }

    @Test
    void invalidIdInsideAnInputIsValidation() {
        assertRefused(GraphQLClient.post(JILI, "{ members(filter: {unionId: \"abc\", idNumber: \"" + ID_NUMBER + "\"}) { totalCount } }"),
                200, "VALIDATION", "filter.unionId");
        assertRefused(GraphQLClient.post(JILI, MEMBERS, personalFilter("unionId", "1 OR 1=1")), 200, "VALIDATION", "filter.unionId");
    }

    @Test
    void unknownEnumValueInAVariableIsBadRequestNamingTheVariable() {
        assertRefused(GraphQLClient.post(JILI, MEMBERS, personalFilter("statuses", List.of("NOPE"))), 400, "BAD_REQUEST", "variables.f");
    }

    @Test
    void unknownEnumValueInALiteralIsBadRequestNamingTheArgument() {
        assertRefused(GraphQLClient.post(JILI, "{ members(filter: {statuses: [NOPE], idNumber: \"" + ID_NUMBER + "\"}) { totalCount } }"),
                400, "BAD_REQUEST", "filter.statuses[0]");
    }

    @Test
    void invalidFloatIsBadRequestAsALiteralAndValidationAsAVariable() {
        assertRefused(GraphQLClient.post(null, "{ nearestSites(latitude: \"N" + PHONE + "\", longitude: 112.4, radiusKm: 5) { edges { distanceKm } } }"),
                400, "BAD_REQUEST", "latitude");
        assertRefused(GraphQLClient.post(null, "query Q($lat: Float!) { nearestSites(latitude: $lat, longitude: 112.4, radiusKm: 5) { edges { distanceKm } } }",
                Map.of("lat", PHONE + "x")), 200, "VALIDATION", "latitude");
    }

    @Test
    void wrongShapeOfAWholeInputVariableIsBadRequest() {
        assertRefused(GraphQLClient.post(JILI, MEMBERS, Map.of("f", ID_NUMBER)), 400, "BAD_REQUEST", "variables.f");
        assertRefused(GraphQLClient.post(JILI, MEMBERS, Map.of("f", Map.of("idNumber", ID_NUMBER, "noSuchField", PHONE))), 400,
                "BAD_REQUEST", "variables.f");
    }

    @Test
    void aCallersCoordinatesAreNotRepeatedInTheError() {
        Result result = GraphQLClient.post(null, "{ nearestSites(latitude: 1.2345678, longitude: 2.3456789, radiusKm: 5) { edges { distanceKm } } }");
        assertRefused(result, 200, "VALIDATION", "latitude");
        assertFalse(result.body().contains("1.2345678") || result.body().contains("2.3456789"), result::toString);
    }

    @Test
    void syntaxErrorsGiveThePositionButNotTheOffendingToken() {
        Result result = GraphQLClient.post(JILI, "{ members(filter: {phone: " + PHONE + "abc}) { totalCount } }");
        assertEquals(400, result.status(), result::toString);
        assertEquals("BAD_REQUEST", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith("GraphQL 语法错误 (syntax error) at line 1, column "), result::toString);
        for (String internal : INTERNALS) {
            assertFalse(result.body().contains(internal), () -> "the response holds " + internal + ": " + result);
        }
    }

    @Test
    void unknownOperationNameIsBadRequest() {
        Result result = given("query A { me { tier } } query B { me { tier } }", "C" + ID_NUMBER);
        assertRefused(result, 400, "BAD_REQUEST", "operationName");
        assertRefused(given("query A { me { tier } } query B { me { tier } }", null), 400, "BAD_REQUEST", "operationName");
    }

    private static Result given(String query, String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        io.restassured.response.Response response = io.restassured.RestAssured.given().contentType("application/json")
                .accept(GraphQLClient.GRAPHQL_RESPONSE).header("Authorization", "Bearer " + JILI).body(body).post("/graphql");
        return new Result(response.statusCode(), response.contentType(), response.asString());
    }

    // --- ids

    @ParameterizedTest
    @ValueSource(strings = { "abc", "1 OR 1=1", "0x10", "1e3", "9223372036854775808", "99999999999999999999", "-1", "+1", "0", "01", " 1",
            "1 ", "1.0", "１" })
    void anIdIsCanonicalDecimalDigitsWithinRangeAsALiteral(String id) {
        assertRefused(GraphQLClient.post(JILI, "{ union(id: \"" + id + "\") { id } }"), 200, "VALIDATION", "id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "1 OR 1=1", "0x10", "1e3", "9223372036854775808", "-9223372036854775808", "0", "007" })
    void anIdIsCanonicalDecimalDigitsWithinRangeAsAVariable(String id) {
        assertRefused(GraphQLClient.post(JILI, "query Q($id: ID!) { union(id: $id) { id } }", Map.of("id", id)), 200, "VALIDATION", "id");
        assertRefused(GraphQLClient.post(JILI, MEMBERS, personalFilter("unionId", id)), 200, "VALIDATION", "filter.unionId");
    }

    @Test
    void anIdInsideAMutationInputIsCheckedBeforeAnythingRuns() {
        String fingerprint = DemoData.fingerprint(dataSource);
        assertRefused(GraphQLClient.post(JILI, "mutation($i: UpdateUnionInput!) { updateUnion(input: $i) { id } }",
                Map.of("i", Map.of("id", "4103061 OR 1=1", "version", 0, "name", "改名"))), 200, "VALIDATION", "id");
        assertEquals(fingerprint, DemoData.fingerprint(dataSource), "nothing changed");
    }

    @Test
    void canonicalIdsStillWorkAsStringsAndIntegers() {
        Result asString = GraphQLClient.post(JILI, "{ union(id: \"" + JILI_UNION + "\") { id } }");
        assertFalse(asString.hasErrors(), asString::toString);
        assertEquals(String.valueOf(JILI_UNION), asString.data("union.id"));
        Result asInt = GraphQLClient.post(JILI, "query Q($id: ID!) { union(id: $id) { id } }", Map.of("id", JILI_UNION));
        assertFalse(asInt.hasErrors(), asInt::toString);
        assertEquals(String.valueOf(JILI_UNION), asInt.data("union.id"));
    }

    // --- dates and months

    @ParameterizedTest
    @ValueSource(strings = { "1999-12-31", "2999-01-01" })
    void statisticsAsOfOutsideItsRangeIsValidation(String day) {
        assertRefused(GraphQLClient.post(JILI, "{ statistics(unionId: " + JILI_UNION + ", asOf: \"" + day + "\") { members } }"), 200,
                "VALIDATION", "asOf");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "yesterday" })
    void auditTimesAreStrictIsoDateTimes(String time) {
        assertRefused(GraphQLClient.post(JILI, "query Q($t: DateTime) { auditEvents(filter: {since: $t}) { edges { node { id } } } }",
                Map.of("t", time)), 200, "VALIDATION", "filter.since");
    }

    @Test
    void joinDatesBeforeTheAcftuWasFoundedAreValidation() {
        assertRefused(GraphQLClient.post(JILI, MEMBERS, personalFilter("joinedTo", "1925-04-30")), 200, "VALIDATION", "filter.joinedTo");
        Result founded = GraphQLClient.post(JILI, MEMBERS, Map.of("f", Map.of("joinedFrom", "1925-05-01")));
        assertFalse(founded.hasErrors(), founded::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0000-01", "-001-01", "1999-12", "2026-13", "2026-1", "202601", " 2026-01" })
    void fundsMonthsAreStrictAndWithinRange(String month) {
        assertRefused(GraphQLClient.post(JILI, "query Q($m: String) { fundsRemittances(from: $m) { totalCount } }", Map.of("m", month)), 200,
                "VALIDATION", "from");
    }

    @Test
    void aFundsMonthAfterThisMonthIsValidationBeforeAnythingIsWritten() {
        String next = java.time.YearMonth.now(Dates.CHINA).plusMonths(1).toString();
        String fingerprint = DemoData.fingerprint(dataSource);
        assertRefused(GraphQLClient.post(JILI, "mutation($i: RecordFundsRemittanceInput!) { recordFundsRemittance(input: $i) { id } }",
                Map.of("i", Map.of("unionId", 4103061, "employerName", "某公司", "employerCreditCode", "91410306MA44X1B2CC", "month", next,
                        "payrollYuan", "100.00", "amountPaidYuan", "2.00"))), 200, "VALIDATION", "month");
        assertEquals(fingerprint, DemoData.fingerprint(dataSource));
    }

    @Test
    void statisticsPeriodMonthsAreStrict() {
        assertRefused(GraphQLClient.post(JILI, "{ statistics(unionId: " + JILI_UNION + ", period: {from: \"0000-01\", to: \"2026-01\"}) { members } }"),
                200, "VALIDATION", "period.from");
    }

    @Test
    void everyDateAndMonthInputOfTheSchemaHasARangeInTheTable() {
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLInputObjectType input) {
                for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                    assertHasRange(input.getName() + "." + field.getName(), field.getType(), field.getDescription());
                }
            } else if (type instanceof GraphQLObjectType object) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    for (GraphQLArgument argument : field.getArguments()) {
                        assertHasRange(field.getName() + "(" + argument.getName() + ")", argument.getType(), argument.getDescription());
                    }
                }
            }
        }
    }

    private static void assertHasRange(String key, GraphQLInputType type, String description) {
        String name = ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type)).getName();
        if (name.equals("Date")) {
            assertTrue(Dates.DAYS.containsKey(key), () -> key + " is a Date without a range in Dates.DAYS (and the README table)");
        }
        if (name.equals("String") && description != null && description.contains("YYYY-MM")) {
            assertTrue(Dates.MONTHS.containsKey(key), () -> key + " is a month without a range in Dates.MONTHS (and the README table)");
        }
    }

    // --- text

    @ParameterizedTest
    @ValueSource(strings = { "王\u0000伟", "王\u001B[2J", "\uD800" })
    void controlCharactersInSearchTextAreValidationNotInternal(String text) {
        assertRefused(GraphQLClient.post(JILI, MEMBERS, Map.of("f", Map.of("nameContains", text))), 200, "VALIDATION", "filter.nameContains");
    }

    @Test
    void nulInAReasonOrANameIsValidationNamingTheFieldAndChangesNothing() {
        String fingerprint = DemoData.fingerprint(dataSource);
        int version = DemoData.version(dataSource, 4103061);
        assertRefused(GraphQLClient.post(JILI, "mutation($i: UpdateUnionInput!) { updateUnion(input: $i) { id } }",
                Map.of("i", Map.of("id", 4103061, "version", version, "name", "河阳\u0000工会"))), 200, "VALIDATION", "name");
        assertRefused(GraphQLClient.post(JILI, "{ hardshipFile(memberId: 1, reason: \"核查\\u0000\") { status } }"), 200, "VALIDATION",
                "reason");
        assertEquals(fingerprint, DemoData.fingerprint(dataSource), "nothing changed");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u200B\u200B", "\u3164", "河阳\u202E会工", "河阳\n工会" })
    void namesThatBreakTheTextRuleAreValidationNamingTheField(String name) {
        int version = DemoData.version(dataSource, 4103061);
        assertRefused(GraphQLClient.post(JILI, "mutation($i: UpdateUnionInput!) { updateUnion(input: $i) { id } }",
                Map.of("i", Map.of("id", 4103061, "version", version, "chairName", name))), 200, "VALIDATION", "chairName");
    }

    @Test
    void rareCharactersAndTheMiddleDotOfTransliteratedNamesAreAccepted() {
        int version = DemoData.version(dataSource, 4103061);
        Result result = GraphQLClient.post(JILI, "mutation($i: UpdateUnionInput!) { updateUnion(input: $i) { chairName } }",
                Map.of("i", Map.of("id", 4103061, "version", version, "chairName", "阿卜杜拉\u30FB𠮷买提")));
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("阿卜杜拉·𠮷买提", result.data("updateUnion.chairName"));
    }
}
