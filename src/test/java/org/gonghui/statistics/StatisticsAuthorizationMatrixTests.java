package org.gonghui.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every official tier × {inside the subtree, outside it} × every statistics, workforce and target
 * operation, plus members and anonymous callers. Refused cells leave the database unchanged.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsAuthorizationMatrixTests {

    static final String OK = "OK";

    @Inject
    DataSource dataSource;

    enum Relation {
        INSIDE, OUTSIDE
    }

    enum Operation {
        STATISTICS, STATISTICS_AS_OF, UNION_STATISTICS, MEMBER_TREND, RECORD_WORKFORCE, WORKFORCE_COUNTS, KEY_GROUP_ENROLMENT, SET_TARGET, TARGETS,
        DELETE_TARGET
    }

    /** A grassroots union and an enrolment target set for it (fixtures below). */
    record Target(long union, long target) {
    }

    static final Target HENAN = new Target(41030611, 70);
    static final Target JILIN = new Target(22080211, 71);

    record Official(String username, Target inside, Target outside) {
        Target target(Relation relation) {
            return relation == Relation.INSIDE ? inside : outside;
        }
    }

    static final List<Official> OFFICIALS = List.of(
            new Official("quanzong", HENAN, null),
            new Official("henan", HENAN, JILIN),
            new Official("luoyang", HENAN, JILIN),
            new Official("jili", HENAN, JILIN),
            new Official("heyang", HENAN, JILIN),
            new Official("heyang-baoan", HENAN, JILIN),
            new Official("baicheng", JILIN, HENAN));

    static final Set<Operation> WRITES = EnumSet.of(Operation.RECORD_WORKFORCE, Operation.SET_TARGET, Operation.DELETE_TARGET);

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : Relation.values()) {
                if (official.target(relation) == null) {
                    continue;
                }
                for (Operation operation : Operation.values()) {
                    String expected = relation == Relation.OUTSIDE ? "NOT_FOUND" : OK;
                    cells.add(Arguments.of(Named.of(official.username() + " " + operation + " " + relation + " → " + expected, official), relation,
                            operation, expected));
                }
            }
        }
        return cells.stream();
    }

    Stream<Arguments> everyOperation() {
        return Stream.of(Operation.values()).map(Arguments::of);
    }

    protected String tokenFor(String username) {
        return Tokens.forDemoUser(username);
    }

    @AfterAll
    void restore() {
        DemoData.restore(dataSource);
    }

    @ParameterizedTest
    @MethodSource("cells")
    void officialsActOnlyInsideTheirSubtree(Official official, Relation relation, Operation operation, String expected) {
        assertCell(tokenFor(official.username()), official.target(relation), operation, expected);
    }

    @ParameterizedTest
    @MethodSource("everyOperation")
    void membersMayNotUseTheOfficialsOperations(Operation operation) {
        assertCell(tokenFor("worker"), HENAN, operation, "FORBIDDEN");
    }

    @ParameterizedTest
    @MethodSource("everyOperation")
    void anonymousCallersAreAskedToSignIn(Operation operation) {
        assertCell(null, HENAN, operation, "UNAUTHENTICATED");
    }

    void fixtures() {
        if (DemoData.queryLong(dataSource, "select count(*) from enrolment_target where id in (70, 71)") == 2) {
            return;
        }
        DemoData.execute(dataSource, """
                insert into enrolment_target (id, union_id, kind, title, key_groups, target_rate, due_on, created_by)
                overriding system value
                values (70, 41030611, 'KEY_GROUP_ENROLMENT', '保安员入会率', '{SECURITY_GUARD}', 0.5, '2026-12-31', 'sub-fixture'),
                       (71, 22080211, 'KEY_GROUP_ENROLMENT', '保安员入会率', '{SECURITY_GUARD}', 0.5, '2026-12-31', 'sub-fixture')""");
    }

    void assertCell(String token, Target t, Operation operation, String expected) {
        fixtures();
        String before = DemoData.fingerprint(dataSource);
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        Result result = switch (operation) {
            case STATISTICS -> GraphQLClient.post(token, "query($u: ID!) { statistics(unionId: $u) { members } }", Map.of("u", t.union()));
            case STATISTICS_AS_OF -> GraphQLClient.post(token, "query($u: ID!, $d: Date) { statistics(unionId: $u, asOf: $d) { members } }",
                    Map.of("u", t.union(), "d", yesterday));
            case UNION_STATISTICS -> GraphQLClient.post(token, "query($u: ID!) { union(id: $u) { statistics { members } } }", Map.of("u", t.union()));
            case MEMBER_TREND -> GraphQLClient.post(token, "query($u: ID!) { memberTrend(unionId: $u, from: \"2026-01\", to: \"2026-03\") { month } }",
                    Map.of("u", t.union()));
            case RECORD_WORKFORCE -> GraphQLClient.post(token, "mutation($input: RecordWorkforceCountInput!) { recordWorkforceCount(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "keyGroup", "SECURITY_GUARD", "registeredWorkers", 40, "countedOn", yesterday)));
            case WORKFORCE_COUNTS -> GraphQLClient.post(token, "query($u: ID!) { workforceCounts(unionId: $u) { edges { node { id } } } }", Map.of("u", t.union()));
            case KEY_GROUP_ENROLMENT -> GraphQLClient.post(token, "query($u: ID!) { keyGroupEnrolment(unionId: $u) { keyGroup members } }",
                    Map.of("u", t.union()));
            case SET_TARGET -> GraphQLClient.post(token, "mutation($input: SetEnrolmentTargetInput!) { setEnrolmentTarget(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "kind", "NEW_MEMBERS", "title", "新会员", "targetCount", 10, "periodFrom", "2026-01",
                            "dueOn", "2026-12-31")));
            case TARGETS -> GraphQLClient.post(token, "query($u: ID!) { enrolmentTargets(unionId: $u) { edges { node { id progress { achieved } } } } }",
                    Map.of("u", t.union()));
            case DELETE_TARGET -> GraphQLClient.post(token, "mutation($id: ID!) { deleteEnrolmentTarget(id: $id) }", Map.of("id", t.target()));
        };
        assertEquals(200, result.status(), result::toString);
        String root = switch (operation) {
            case STATISTICS, STATISTICS_AS_OF -> "statistics";
            case UNION_STATISTICS -> "union";
            case MEMBER_TREND -> "memberTrend";
            case RECORD_WORKFORCE -> "recordWorkforceCount";
            case WORKFORCE_COUNTS -> "workforceCounts";
            case KEY_GROUP_ENROLMENT -> "keyGroupEnrolment";
            case SET_TARGET -> "setEnrolmentTarget";
            case TARGETS -> "enrolmentTargets";
            case DELETE_TARGET -> "deleteEnrolmentTarget";
        };
        if (OK.equals(expected)) {
            assertFalse(result.hasErrors(), result::toString);
            assertNotNull(result.data(root), result::toString);
            if (operation == Operation.TARGETS) {
                assertEquals(List.of(String.valueOf(t.target())), result.json().getList("data.enrolmentTargets.edges.node.id").stream().map(String::valueOf).toList());
            }
            if (WRITES.contains(operation)) {
                DemoData.restore(dataSource);
            }
        } else {
            assertEquals(expected, result.errorCode(), result::toString);
            assertNull(result.data(root), result::toString);
            assertEquals(before, DemoData.fingerprint(dataSource), "database changed although the operation was refused");
        }
    }
}
