package org.gonghui.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.QuarkusTestWithOidc;


/**
 * Every official tier × {inside the subtree, outside it} × every program, site and hardship-file
 * operation, plus members and anonymous callers. Refused cells leave the database unchanged
 * ({@link AuthorizationMatrix}).
 */
@QuarkusTestWithOidc
class ServiceAuthorizationMatrixTests extends AuthorizationMatrix<ServiceAuthorizationMatrixTests.Operation, ServiceAuthorizationMatrixTests.Target> {

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

    @Override
    protected List<Cell<Operation, Target>> cells() {
        List<Cell<Operation, Target>> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : List.of(Relation.INSIDE, Relation.OUTSIDE)) {
                if (official.target(relation) == null) {
                    continue;
                }
                for (Operation operation : Operation.values()) {
                    boolean hardship = operation == Operation.READ_HARDSHIP || operation == Operation.OPEN_HARDSHIP;
                    String expected = relation == Relation.OUTSIDE ? NOT_FOUND : hardship && !official.handlesHardship() ? FORBIDDEN : OK;
                    cells.add(cell(official.username(), relation, operation, official.target(relation), expected));
                }
            }
        }
        cells.addAll(memberAndAnonymous(Operation.values(), HENAN, List.of()));
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation != Operation.PROGRAM && operation != Operation.PROGRAMS && operation != Operation.PROGRAM_TOTALS
                && operation != Operation.SITE && operation != Operation.SITES;
    }

    @Override
    protected void fixtures() {
        if (DemoData.queryLong(dataSource(), "select count(*) from service_program where id in (60, 61)") == 2) {
            return;
        }
        DemoData.execute(dataSource(), """
                insert into service_program (id, union_id, kind, name, period_start, period_end, budget, status)
                values (60, 41030611, 'SUMMER_COOLING', '河阳保安夏送清凉', '2026-06-01', '2026-09-30', 1000, 'OPEN'),
                       (61, 22080211, 'WINTER_WARMTH', '金源物业冬送温暖', '2026-01-01', '2026-12-31', 1000, 'OPEN');
                insert into service_site (id, union_id, kind, name, latitude, longitude, status)
                values (50, 41030611, 'WORKER_SERVICE_STATION', '河阳保安职工服务站', 34.8960, 112.5720, 'OPEN'),
                       (51, 22080211, 'WORKER_SERVICE_STATION', '金源物业职工服务站', 45.6200, 122.8400, 'OPEN');""");
    }

    @Override
    protected Call call(String token, Operation operation, Target t) {
        return switch (operation) {
            case PROGRAM -> graphql(token, "serviceProgram", "query($id: ID!) { serviceProgram(id: $id) { id } }", Map.of("id", t.program()));
            case PROGRAMS -> graphql(token, "servicePrograms", "query($u: ID!) { servicePrograms(filter: {unionId: $u}) { edges { node { id } } } }", Map.of("u", t.union()));
            case PROGRAM_TOTALS -> graphql(token, "programTotals", "query($u: ID!) { programTotals(unionId: $u) { total { programs } } }", Map.of("u", t.union()));
            case CREATE_PROGRAM -> graphql(token, "createServiceProgram", "mutation($input: CreateServiceProgramInput!) { createServiceProgram(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "kind", "LEGAL_AID", "name", "法律援助", "periodStart", "2026-01-01", "periodEnd", "2026-12-31",
                            "budgetYuan", "100.00")));
            case UPDATE_PROGRAM -> graphql(token, "updateServiceProgram", "mutation($input: UpdateServiceProgramInput!) { updateServiceProgram(input: $input) { id } }",
                    Map.of("input", Map.of("id", t.program(), "version", 0, "name", "改名")));
            case GRANT -> graphql(token, "grantBenefit", "mutation($input: GrantBenefitInput!) { grantBenefit(input: $input) { id } }",
                    Map.of("input", Map.of("programId", t.program(), "memberId", t.member(), "amountYuan", "10.00")));
            case SITE -> graphql(token, "serviceSite", "query($id: ID!) { serviceSite(id: $id) { id } }", Map.of("id", t.site()));
            case SITES -> graphql(token, "serviceSites", "query($u: ID!) { serviceSites(filter: {unionId: $u}) { edges { node { id } } } }", Map.of("u", t.union()));
            case CREATE_SITE -> graphql(token, "createServiceSite", "mutation($input: CreateServiceSiteInput!) { createServiceSite(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", t.union(), "kind", "READING_ROOM", "name", "职工书屋", "latitude", 40.0, "longitude", 116.0)));
            case UPDATE_SITE -> graphql(token, "updateServiceSite", "mutation($input: UpdateServiceSiteInput!) { updateServiceSite(input: $input) { id } }",
                    Map.of("input", Map.of("id", t.site(), "version", 0, "openingHours", "全天")));
            case READ_HARDSHIP -> graphql(token, "hardshipFile", "query($m: ID!) { hardshipFile(memberId: $m, reason: \"核实\") { id } }", Map.of("m", t.member()))
                    .nullable();
            case OPEN_HARDSHIP -> graphql(token, "openHardshipFile", "mutation($input: OpenHardshipFileInput!) { openHardshipFile(input: $input) { id } }",
                    Map.of("input", Map.of("memberId", t.member(), "level", "GENERAL", "reasons", List.of("LOW_INCOME"), "householdSize", 3,
                            "monthlyIncomeYuan", "2100.00")));
        };
    }
}
