package org.gonghui.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** Programs, benefits within budget and scope, members' applications and subtree totals, checked with our own SQL. */
@QuarkusTestWithOidc
class ServiceProgramTests {

    static final String CREATE = "mutation($input: CreateServiceProgramInput!) { createServiceProgram(input: $input) { id budgetYuan spentYuan status version } }";
    static final String GRANT = "mutation($input: GrantBenefitInput!) { grantBenefit(input: $input) { id amountYuan inKindItem membershipId organisationName } }";

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result post(String user, String query, Map<String, Object> input) {
        return GraphQLClient.post(user == null ? null : Tokens.forDemoUser(user), query, Map.of("input", input));
    }

    static Object program(String user, long unionId, String kind, String budget, List<String> groups) {
        Map<String, Object> input = new HashMap<>(Map.of("unionId", unionId, "kind", kind, "name", "2026 年两节送温暖", "periodStart", "2026-01-01",
                "periodEnd", "2026-12-31", "budgetYuan", budget, "status", "OPEN", "targetKeyGroups", groups));
        Result created = post(user, CREATE, input);
        assertFalse(created.hasErrors(), created::toString);
        return created.data("createServiceProgram.id");
    }

    @Test
    void benefitsStayWithinTheBudgetInExactYuan() {
        Object id = program("jili", 410306, "WINTER_WARMTH", "1000.00", List.of());
        assertFalse(post("jili", GRANT, Map.of("programId", id, "memberId", 1, "amountYuan", "300.10")).hasErrors());
        assertFalse(post("jili", GRANT, Map.of("programId", id, "memberId", 2, "amountYuan", "0.20")).hasErrors());
        Result item = post("jili", GRANT, Map.of("programId", id, "organisationName", "吉利区顺通货运", "inKindItem", "防暑降温用品", "inKindQuantity", 20));
        assertFalse(item.hasErrors(), item::toString);
        String before = DemoData.fingerprint(dataSource);
        Result over = post("jili", GRANT, Map.of("programId", id, "memberId", 3, "amountYuan", "699.71"));
        assertEquals("CONFLICT", over.errorCode(), over::toString);
        assertTrue(over.errorMessage().startsWith("amountYuan"), over::toString);
        assertNull(over.data("grantBenefit"));
        assertEquals(before, DemoData.fingerprint(dataSource));
        assertFalse(post("jili", GRANT, Map.of("programId", id, "memberId", 3, "amountYuan", "699.70")).hasErrors());

        Result read = GraphQLClient.post(Tokens.forDemoUser("jili"), "query($id: ID!) { serviceProgram(id: $id) { budgetYuan spentYuan beneficiaryCount "
                + "beneficiaries { edges { node { amountYuan inKindItem inKindQuantity } } } } }", Map.of("id", id));
        assertEquals("1000.00", read.data("serviceProgram.spentYuan"), read::toString);
        assertEquals(4, read.<Integer>data("serviceProgram.beneficiaryCount"));
        assertEquals("1000.00|4", DemoData.queryString(dataSource, "select sum(amount) || '|' || count(*) from program_beneficiary where program_id = " + id));
        for (String bad : List.of("12.345", "-1", "abc", "1e3")) {
            Result invalid = post("jili", GRANT, Map.of("programId", id, "memberId", 4, "amountYuan", bad));
            assertEquals("VALIDATION", invalid.errorCode(), () -> bad + " " + invalid);
        }
    }

    @Test
    void aBeneficiaryMustBeAMemberOfTheOrganisersSubtreeAndVisibleToTheCaller() {
        Object heyangProgram = program("heyang", 4103061, "SUMMER_COOLING", "500.00", List.of());
        Result otherStreet = post("luoyang", GRANT, Map.of("programId", heyangProgram, "memberId", 7, "amountYuan", "10.00"));
        assertEquals("VALIDATION", otherStreet.errorCode(), otherStreet::toString);
        assertTrue(otherStreet.errorMessage().startsWith("memberId"), otherStreet::toString);
        Result otherProvince = post("heyang", GRANT, Map.of("programId", heyangProgram, "memberId", 10, "amountYuan", "10.00"));
        assertEquals("NOT_FOUND", otherProvince.errorCode(), otherProvince::toString);
        Result notTheirs = post("shunda", GRANT, Map.of("programId", heyangProgram, "memberId", 5, "amountYuan", "10.00"));
        assertEquals("NOT_FOUND", notTheirs.errorCode(), notTheirs::toString);
        Result member = post("worker", GRANT, Map.of("programId", heyangProgram, "memberId", 1, "amountYuan", "10.00"));
        assertEquals("FORBIDDEN", member.errorCode(), member::toString);
        Result retired = post("heyang", GRANT, Map.of("programId", heyangProgram, "memberId", 12, "amountYuan", "10.00"));
        assertEquals("VALIDATION", retired.errorCode(), retired::toString);
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from program_beneficiary"));
    }

    @Test
    void concurrentGrantsNeverSpendPastTheBudget() throws Exception {
        Object id = program("jili", 410306, "HARDSHIP_AID", "1000.00", List.of());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Result>> grants = new ArrayList<>();
            for (int member = 1; member <= 5; member++) {
                int m = member;
                grants.add(CompletableFuture.supplyAsync(() -> post("jili", GRANT, Map.of("programId", id, "memberId", m, "amountYuan", "300.00")), pool));
            }
            long granted = 0;
            for (CompletableFuture<Result> g : grants) {
                Result r = g.get();
                if (r.hasErrors()) {
                    assertEquals("CONFLICT", r.errorCode(), r::toString);
                } else {
                    granted++;
                }
            }
            assertEquals(3, granted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("900.00|3|900.00|3", DemoData.queryString(dataSource, "select p.spent || '|' || p.beneficiary_count || '|' || sum(b.amount) || '|' || count(b.*)"
                + " from service_program p join program_beneficiary b on b.program_id = p.id where p.id = " + id + " group by p.id"));
    }

    @Test
    void totalsRollUpThroughTheSubtreeByKind() {
        Object a = program("jili", 410306, "WINTER_WARMTH", "1000.00", List.of());
        Object b = program("heyang", 4103061, "WINTER_WARMTH", "500.50", List.of());
        Object c = program("heyang", 4103061, "SUMMER_COOLING", "200.00", List.of());
        program("baicheng", 2208, "WINTER_WARMTH", "9999.00", List.of());
        post("jili", GRANT, Map.of("programId", a, "memberId", 1, "amountYuan", "100.25"));
        post("heyang", GRANT, Map.of("programId", b, "memberId", 2, "amountYuan", "50.25"));
        post("heyang", GRANT, Map.of("programId", c, "organisationName", "河阳保安", "inKindItem", "绿豆汤"));
        Result totals = GraphQLClient.post(Tokens.forDemoUser("luoyang"), """
                { programTotals(unionId: 4103, year: 2026) { total { programs budgetYuan spentYuan beneficiaries } byKind { kind programs spentYuan beneficiaries } } }""");
        assertFalse(totals.hasErrors(), totals::toString);
        assertEquals(3, totals.<Integer>data("programTotals.total.programs"));
        assertEquals("1700.50", totals.data("programTotals.total.budgetYuan"));
        assertEquals("150.50", totals.data("programTotals.total.spentYuan"));
        assertEquals(3, totals.<Integer>data("programTotals.total.beneficiaries"));
        assertEquals(List.of("SUMMER_COOLING", "WINTER_WARMTH"), totals.json().getList("data.programTotals.byKind.kind"));
        assertEquals(List.of("0.00", "150.50"), totals.json().getList("data.programTotals.byKind.spentYuan"));
        Result street = GraphQLClient.post(Tokens.forDemoUser("heyang"), "{ programTotals { total { programs spentYuan } } }");
        assertEquals(2, street.<Integer>data("programTotals.total.programs"), street::toString);
        Result otherYear = GraphQLClient.post(Tokens.forDemoUser("luoyang"), "{ programTotals(unionId: 4103, year: 2025) { total { programs } } }");
        assertEquals(0, otherYear.<Integer>data("programTotals.total.programs"));
    }

    @Test
    void aMemberSeesTheProgramsOfTheirChainForTheirGroupsAppliesAndIsApproved() {
        Object forGuards = program("jili", 410306, "SUMMER_COOLING", "1000.00", List.of("SECURITY_GUARD"));
        program("jili", 410306, "LEGAL_AID", "1000.00", List.of("COURIER"));
        program("baicheng", 2208, "WINTER_WARMTH", "1000.00", List.of());
        Object forAll = program("heyang", 4103061, "CULTURE_SPORTS", "1000.00", List.of());
        DemoData.execute(dataSource, "update person set subject = 'sub-worker' where id = 1");

        Result open = GraphQLClient.post(Tokens.forDemoUser("worker"), "{ me { programsOpenToMe { edges { node { id name organiser { name } } } } } }");
        assertFalse(open.hasErrors(), open::toString);
        assertEquals(List.of(String.valueOf(forGuards), String.valueOf(forAll)), open.json().getList("data.me.programsOpenToMe.edges.node.id"));

        String apply = "mutation($input: ApplyForProgramInput!) { applyForProgram(input: $input) { id status version } }";
        Result applied = post("worker", apply, Map.of("programId", forGuards, "note", "夜班高温"));
        assertEquals("PENDING", applied.data("applyForProgram.status"), applied::toString);
        assertEquals("CONFLICT", post("worker", apply, Map.of("programId", forGuards)).errorCode());
        Result courier = post("worker", apply, Map.of("programId", forAll + "0"));
        assertEquals("NOT_FOUND", courier.errorCode(), courier::toString);

        String decide = "mutation($input: DecideProgramApplicationInput!) { decideProgramApplication(input: $input) { status beneficiaryId } }";
        Object applicationId = applied.data("applyForProgram.id");
        Result noReason = post("jili", decide, Map.of("id", applicationId, "version", 0, "approve", false));
        assertEquals("VALIDATION", noReason.errorCode(), noReason::toString);
        Result approved = post("jili", decide, Map.of("id", applicationId, "version", 0, "approve", true, "amountYuan", "200.00"));
        assertEquals("APPROVED", approved.data("decideProgramApplication.status"), approved::toString);
        assertEquals("200.00|1", DemoData.queryString(dataSource, "select spent || '|' || beneficiary_count from service_program where id = " + forGuards));
        Result mine = GraphQLClient.post(Tokens.forDemoUser("worker"), "{ me { programApplications { edges { node { status beneficiaryId } } } } }");
        assertEquals(List.of("APPROVED"), mine.json().getList("data.me.programApplications.edges.node.status"), mine::toString);
    }

    @Test
    void aPageOfProgramsWithTotalsAndOrganisersCostsAFixedNumberOfStatements() {
        for (int i = 0; i < 25; i++) {
            program("jili", i % 2 == 0 ? 410306 : 4103061, "SKILL_TRAINING", "100.00", List.of());
        }
        for (int size : new int[] { 5, 25 }) {
            sessionFactory.getStatistics().clear();
            Result page = GraphQLClient.post(Tokens.forDemoUser("jili"), "query($n: Int) { servicePrograms(first: $n) { edges { node { id budgetYuan spentYuan "
                    + "beneficiaryCount targetKeyGroups organiser { name } beneficiaries(first: 3) { edges { node { amountYuan } } } } } } }", Map.of("n", size));
            long statements = sessionFactory.getStatistics().getPrepareStatementCount();
            assertFalse(page.hasErrors(), page::toString);
            assertEquals(size, page.json().getList("data.servicePrograms.edges").size());
            // the page, all organisers, all beneficiary pages
            assertEquals(3, statements, "page of " + size);
        }
    }
}
