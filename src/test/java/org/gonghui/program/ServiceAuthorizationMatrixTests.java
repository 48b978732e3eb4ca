package org.gonghui.program;

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
 * Every official tier × {inside the subtree, outside it} × every program, site and hardship-file
 * operation, plus members and anonymous callers. Refused cells leave the database unchanged.
 */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAuthorizationMatrixTests {

    static final String OK = "OK";

    @Inject
    DataSource dataSource;

    enum Relation {
        INSIDE, OUTSIDE
    }

    enum Operation {
        PROGRAM, PROGRAMS, PROGRAM_TOTALS, CREATE_PROGRAM, UPDATE_PROGRAM, GRANT, SITE, SITES, CREATE_SITE, UPDATE_SITE, READ_HARDSHIP, OPEN_HARDSHIP
    }

    /** A grassroots union with a member, a program it organises and a site it hosts (fixtures below). */
    record Target(long union, long member, long program, long site) {
    }

    static final Target HENAN = new Target(41030611, 1, 60, 50);
    static final Target JILIN = new Target(22080211, 10, 61, 51);

    record Official(String username, Target inside, Target outside, boolean handlesHardship) {
        Target target(Relation relation) {
            return relation == Relation.INSIDE ? inside : outside;
        }
    }

    static final List<Official> OFFICIALS = List.of(
            new Official("quanzong", HENAN, null, false),
            new Official("henan", HENAN, JILIN, false),
            new Official("luoyang", HENAN, JILIN, false),
            new Official("jili", HENAN, JILIN, false),
            new Official("heyang", HENAN, JILIN, true),
            new Official("heyang-baoan", HENAN, JILIN, true),
            new Official("baicheng", JILIN, HENAN, false));

    Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : Relation.values()) {
                if (official.target(relation) == null) {
                    continue;
                }
                for (Operation operation : Operation.values()) {
                    boolean hardship = operation == Operation.READ_HARDSHIP || operation == Operation.OPEN_HARDSHIP;
                    String expected = relation == Relation.OUTSIDE ? "NOT_FOUND" : hardship && !official.handlesHardship() ? "FORBIDDEN" : OK;
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
        if (DemoData.queryLong(dataSource, "select count(*) from service_program where id in (60, 61)") == 2) {
            return;
        }
        DemoData.execute(dataSource, """
                insert into service_program (id, union_id, kind, name, period_start, period_end, budget, status)
                values (60, 41030611, 'SUMMER_COOLING', '河阳保安夏送清凉', '2026-06-01', '2026-09-30', 1000, 'OPEN'),
                       (61, 22080211, 'WINTER_WARMTH', '金源物业冬送温暖', '2026-01-01', '2026-12-31', 1000, 'OPEN');
                insert into service_site (id, union_id, kind, name, latitude, longitude, status)
                values (50, 41030611, 'WORKER_SERVICE_STATION', '河阳保安职工服务站', 34.8960, 112.5720, 'OPEN'),
                       (51, 22080211, 'WORKER_SERVICE_STATION', '金源物业职工服务站', 45.6200, 122.8400, 'OPEN');""");
    }

    void assertCell(String token, Target t, Operation operation, String expected) {
        fixtures();
        String before = DemoData.fingerprint(dataSource);
        Result result = switch (operation) {
            case PROGRAM -> GraphQLClient.post(token, "query($id: ID!) { serviceProgram(id: $id) { id } }", Map.of("id", t.program()));
            case PROGRAMS -> GraphQLClient.post(token, "query($u: ID!) { servicePrograms(filter: {unionId: $u}) { edges { node { id } } } }", Map.of("u", t.union()));
            case PROGRAM_TOTALS -> GraphQLClient.post(token, "query($u: ID!) { programTotals(unionId: $u) { total { programs } } }", Map.of("u", t.union()));
            case CREATE_PROGRAM -> GraphQLClient.post(token, "mutation($input: CreateServiceProgramInput!) { createServiceProgram(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "kind", "LEGAL_AID", "name", "法律援助", "periodStart", "2026-01-01", "periodEnd", "2026-12-31",
                            "budgetYuan", "100.00")));
            case UPDATE_PROGRAM -> GraphQLClient.post(token, "mutation($input: UpdateServiceProgramInput!) { updateServiceProgram(input: $input) { id } }",
                    Map.of("input", Map.of("id", t.program(), "version", 0, "name", "改名")));
            case GRANT -> GraphQLClient.post(token, "mutation($input: GrantBenefitInput!) { grantBenefit(input: $input) { id } }",
                    Map.of("input", Map.of("programId", t.program(), "memberId", t.member(), "amountYuan", "10.00")));
            case SITE -> GraphQLClient.post(token, "query($id: ID!) { serviceSite(id: $id) { id } }", Map.of("id", t.site()));
            case SITES -> GraphQLClient.post(token, "query($u: ID!) { serviceSites(filter: {unionId: $u}) { edges { node { id } } } }", Map.of("u", t.union()));
            case CREATE_SITE -> GraphQLClient.post(token, "mutation($input: CreateServiceSiteInput!) { createServiceSite(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "kind", "READING_ROOM", "name", "职工书屋", "latitude", 40.0, "longitude", 116.0)));
            case UPDATE_SITE -> GraphQLClient.post(token, "mutation($input: UpdateServiceSiteInput!) { updateServiceSite(input: $input) { id } }",
                    Map.of("input", Map.of("id", t.site(), "version", 0, "openingHours", "全天")));
            case READ_HARDSHIP -> GraphQLClient.post(token, "query($m: ID!) { hardshipFile(memberId: $m, reason: \"核实\") { id } }", Map.of("m", t.member()));
            case OPEN_HARDSHIP -> GraphQLClient.post(token, "mutation($input: OpenHardshipFileInput!) { openHardshipFile(input: $input) { id } }",
                    Map.of("input", Map.of("memberId", t.member(), "level", "GENERAL", "reasons", List.of("LOW_INCOME"), "householdSize", 3,
                            "monthlyIncomeYuan", "2100.00")));
        };
        assertEquals(200, result.status(), result::toString);
        String root = switch (operation) {
            case PROGRAM -> "serviceProgram";
            case PROGRAMS -> "servicePrograms";
            case PROGRAM_TOTALS -> "programTotals";
            case CREATE_PROGRAM -> "createServiceProgram";
            case UPDATE_PROGRAM -> "updateServiceProgram";
            case GRANT -> "grantBenefit";
            case SITE -> "serviceSite";
            case SITES -> "serviceSites";
            case CREATE_SITE -> "createServiceSite";
            case UPDATE_SITE -> "updateServiceSite";
            case READ_HARDSHIP -> "hardshipFile";
            case OPEN_HARDSHIP -> "openHardshipFile";
        };
        if (OK.equals(expected)) {
            assertFalse(result.hasErrors(), result::toString);
            if (operation != Operation.READ_HARDSHIP) {
                assertNotNull(result.data(root), result::toString);
            }
            if (operation != Operation.PROGRAM && operation != Operation.PROGRAMS && operation != Operation.PROGRAM_TOTALS
                    && operation != Operation.SITE && operation != Operation.SITES) {
                DemoData.restore(dataSource);
            }
        } else {
            assertEquals(expected, result.errorCode(), result::toString);
            assertNull(result.data(root), result::toString);
            assertEquals(before, DemoData.fingerprint(dataSource), "database changed although the operation was refused");
        }
    }
}
