package org.gonghui.workforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.member.IdNumber;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** Workforce counts, key-group enrolment rates and targets measured against the figures. */
@QuarkusTestWithOidc
class WorkforceTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String RECORD = "mutation($input: RecordWorkforceCountInput!) { recordWorkforceCount(input: $input) { id keyGroup registeredWorkers countedOn source recordedBy } }";
    static final String SET = "mutation($input: SetEnrolmentTargetInput!) { setEnrolmentTarget(input: $input) { id kind keyGroups targetRate targetCount periodFrom dueOn } }";
    static final String TARGETS = "query($u: ID) { enrolmentTargets(unionId: $u) { edges { node { id title progress { evaluatedAsOf closed achieved registeredWorkers "
            + "missingCounts enrolmentRate progress met } } } } }";

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result post(String user, String query, Map<String, Object> variables) {
        return GraphQLClient.post(Tokens.forDemoUser(user), query, variables);
    }

    static Result record(String user, long union, String group, int workers, String countedOn) {
        return post(user, RECORD, Map.of("input", Map.of("unionId", union, "keyGroup", group, "registeredWorkers", workers, "countedOn", countedOn,
                "source", "区交通运输局台账")));
    }

    static void joinCourier(int n, boolean newForm) {
        String id17 = "41030619910202" + String.format("%03d", n);
        Map<String, Object> input = new HashMap<>(Map.of("unionId", 41030621, "name", "快递员" + n, "idNumber", id17 + IdNumber.checkCharacter(id17),
                "employerName", "吉利区快递驿站", "keyGroups", List.of("COURIER"), "newEmploymentForm", newForm));
        Result applied = post("jili", "mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id } }", Map.of("input", input));
        assertFalse(applied.hasErrors(), applied::toString);
        Object id = applied.data("applyForMembership.id");
        Result approved = post("jili", "mutation($input: MemberDecisionInput!) { approveApplication(input: $input) { status } }",
                Map.of("input", Map.of("id", id, "version", 0)));
        assertFalse(approved.hasErrors(), approved::toString);
    }

    static String today(int plusDays) {
        return LocalDate.now(CHINA).plusDays(plusDays).toString();
    }

    @Test
    void theLatestCountOfAnAreaIsTheDenominatorOfItsEnrolmentRate() {
        Result first = record("jili", 410306, "COURIER", 20, today(-30));
        assertFalse(first.hasErrors(), first::toString);
        assertEquals("sub-jili", first.data("recordWorkforceCount.recordedBy"));
        assertFalse(record("jili", 410306, "COURIER", 10, today(-1)).hasErrors());
        assertFalse(record("jili", 410306, "COURIER", 99, today(-60)).hasErrors());
        joinCourier(1, true);
        Result rates = post("jili", "query($u: ID!) { keyGroupEnrolment(unionId: $u) { keyGroup members registeredWorkers countedOn enrolmentRate } }",
                Map.of("u", 410306));
        assertFalse(rates.hasErrors(), rates::toString);
        List<Map<String, Object>> rows = rates.json().getList("data.keyGroupEnrolment");
        assertEquals(9, rows.size());
        Map<String, Object> couriers = rows.stream().filter(r -> "COURIER".equals(r.get("keyGroup"))).findFirst().orElseThrow();
        // 杨帆 (a demo courier) and the new member; the count of yesterday, not the larger older ones.
        assertEquals(2, couriers.get("members"));
        assertEquals(10, couriers.get("registeredWorkers"));
        assertEquals(today(-1), couriers.get("countedOn"));
        assertEquals(0.2, ((Number) couriers.get("enrolmentRate")).doubleValue(), 1e-6);
        Map<String, Object> guards = rows.stream().filter(r -> "SECURITY_GUARD".equals(r.get("keyGroup"))).findFirst().orElseThrow();
        assertEquals(2, guards.get("members"));
        assertNull(guards.get("registeredWorkers"));
        assertNull(guards.get("enrolmentRate"));

        Result listed = post("jili", "query { workforceCounts(keyGroup: COURIER, first: 2) { edges { node { registeredWorkers } } pageInfo { hasNextPage } } }", Map.of());
        assertEquals(List.of(20, 10), listed.json().getList("data.workforceCounts.edges.node.registeredWorkers"), listed::toString);
        assertEquals(Boolean.TRUE, listed.data("workforceCounts.pageInfo.hasNextPage"));
        assertEquals(3, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'recordWorkforceCount'"));
    }

    @Test
    void aRateTargetPastItsDueDateIsMeasuredAsTheFiguresStoodThatDay() {
        // The demo members have been there for a year.
        DemoData.execute(dataSource, "update stat_change set occurred_at = occurred_at - interval '365 days'");
        assertFalse(record("luoyang", 410306, "COURIER", 4, today(-200)).hasErrors());
        assertFalse(record("luoyang", 410306, "SECURITY_GUARD", 4, today(-200)).hasErrors());
        assertFalse(record("luoyang", 410306, "COURIER", 8, today(-1)).hasErrors());
        Result past = post("luoyang", SET, Map.of("input", Map.of("unionId", 410306, "kind", "KEY_GROUP_ENROLMENT", "title", "快递员保安员入会率 50%",
                "keyGroups", List.of("COURIER", "SECURITY_GUARD"), "targetRate", 0.5, "dueOn", today(-10))));
        assertFalse(past.hasErrors(), past::toString);
        assertEquals(0.5, ((Number) past.data("setEnrolmentTarget.targetRate")).doubleValue());
        Result open = post("luoyang", SET, Map.of("input", Map.of("unionId", 410306, "kind", "KEY_GROUP_ENROLMENT", "title", "快递员保安员入会率 50%",
                "keyGroups", List.of("COURIER", "SECURITY_GUARD", "TRUCK_DRIVER"), "targetRate", 0.5, "dueOn", today(300))));
        assertFalse(open.hasErrors(), open::toString);
        joinCourier(2, false);
        joinCourier(3, false);

        Result targets = post("luoyang", TARGETS, Map.of("u", 4103));
        assertFalse(targets.hasErrors(), targets::toString);
        Map<String, Object> closed = targets.json().getMap("data.enrolmentTargets.edges[0].node.progress");
        // Ten days ago: 1 courier + 2 guards of 4 + 4 registered; the two couriers of today do not count, nor the newer count.
        assertEquals(today(-10), closed.get("evaluatedAsOf"));
        assertEquals(true, closed.get("closed"));
        assertEquals(3, closed.get("achieved"));
        assertEquals(8, closed.get("registeredWorkers"));
        assertEquals(0.375, ((Number) closed.get("enrolmentRate")).doubleValue(), 1e-6);
        assertEquals(0.75, ((Number) closed.get("progress")).doubleValue(), 1e-6);
        assertEquals(false, closed.get("met"));
        Map<String, Object> running = targets.json().getMap("data.enrolmentTargets.edges[1].node.progress");
        assertEquals(today(0), running.get("evaluatedAsOf"));
        assertEquals(false, running.get("closed"));
        assertEquals(List.of("TRUCK_DRIVER"), running.get("missingCounts"));
        assertEquals(6, running.get("achieved"));
        assertNull(running.get("enrolmentRate"));
        assertNull(running.get("met"));
        assertFalse(record("luoyang", 410306, "TRUCK_DRIVER", 0, today(0)).hasErrors());
        running = post("luoyang", TARGETS, Map.of("u", 4103)).json().getMap("data.enrolmentTargets.edges[1].node.progress");
        // 3 couriers + 2 guards + 1 truck driver of 8 + 4 + 0 registered: 50% reached.
        assertEquals(12, running.get("registeredWorkers"));
        assertEquals(0.5, ((Number) running.get("enrolmentRate")).doubleValue(), 1e-6);
        assertEquals(true, running.get("met"));
    }

    @Test
    void aCountTargetCountsTheNewMembersOfItsMonths() {
        String january = YearMonth.now(CHINA).withMonth(1).toString();
        Result set = post("jili", SET, Map.of("input", Map.of("unionId", 410306, "kind", "NEW_FORM_MEMBERS", "title", "新就业形态新会员",
                "targetCount", 2, "periodFrom", january, "dueOn", LocalDate.now(CHINA).withMonth(12).withDayOfMonth(31).toString())));
        assertFalse(set.hasErrors(), set::toString);
        assertEquals(january, set.data("setEnrolmentTarget.periodFrom"));
        assertFalse(post("jili", SET, Map.of("input", Map.of("unionId", 410306, "kind", "NEW_MEMBERS", "title", "新会员",
                "targetCount", 4, "periodFrom", january, "dueOn", LocalDate.now(CHINA).withMonth(12).withDayOfMonth(31).toString()))).hasErrors());
        joinCourier(4, true);
        joinCourier(5, false);
        Result targets = post("jili", TARGETS, Map.of());
        List<Map<String, Object>> progress = targets.json().getList("data.enrolmentTargets.edges.node.progress");
        assertEquals(1, progress.get(0).get("achieved"), targets::toString);
        assertEquals(0.5, ((Number) progress.get(0).get("progress")).doubleValue(), 1e-9);
        assertEquals(false, progress.get(0).get("met"));
        assertEquals(2, progress.get(1).get("achieved"));
        joinCourier(6, true);
        progress = post("jili", TARGETS, Map.of()).json().getList("data.enrolmentTargets.edges.node.progress");
        assertEquals(true, progress.get(0).get("met"));
        assertEquals(1.0, ((Number) progress.get(0).get("progress")).doubleValue(), 1e-9);
    }

    @Test
    void aPageOfTargetsWithProgressCostsAFixedNumberOfStatements() {
        for (int i = 0; i < 6; i++) {
            Map<String, Object> input = i % 2 == 0
                    ? Map.of("unionId", i < 3 ? 410306 : 41030611, "kind", "KEY_GROUP_ENROLMENT", "title", "t" + i, "keyGroups", List.of("COURIER"),
                            "targetRate", 0.3, "dueOn", today(i == 0 ? -3 : 30))
                    : Map.of("unionId", 4103061, "kind", "NEW_MEMBERS", "title", "t" + i, "targetCount", 5, "periodFrom", "2026-01", "dueOn", "2026-12-31");
            assertFalse(post("luoyang", SET, Map.of("input", input)).hasErrors());
        }
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        Result page = post("luoyang", TARGETS, Map.of("u", 4103));
        long statements = statistics.getPrepareStatementCount();
        assertFalse(page.hasErrors(), page::toString);
        assertEquals(6, page.json().getList("data.enrolmentTargets.edges").size());
        // The union asked for, the page, the figures as of today, the figures as of the one past due date, the counts.
        assertEquals(5, statements, page::toString);
    }

    @Test
    void badTargetsAndCountsAreRefusedAndNothingChanges() {
        String before = DemoData.fingerprint(dataSource);
        List<Map<String, Object>> bad = List.of(
                Map.of("unionId", 410306, "kind", "KEY_GROUP_ENROLMENT", "title", "x", "keyGroups", List.of(), "targetRate", 0.5, "dueOn", "2026-12-31"),
                Map.of("unionId", 410306, "kind", "KEY_GROUP_ENROLMENT", "title", "x", "keyGroups", List.of("COURIER"), "targetRate", 1.5, "dueOn", "2026-12-31"),
                Map.of("unionId", 410306, "kind", "KEY_GROUP_ENROLMENT", "title", "x", "keyGroups", List.of("COURIER"), "targetRate", 0.123456, "dueOn", "2026-12-31"),
                Map.of("unionId", 410306, "kind", "KEY_GROUP_ENROLMENT", "title", "x", "keyGroups", List.of("COURIER"), "dueOn", "2026-12-31"),
                Map.of("unionId", 410306, "kind", "NEW_MEMBERS", "title", "x", "targetCount", 0, "periodFrom", "2026-01", "dueOn", "2026-12-31"),
                Map.of("unionId", 410306, "kind", "NEW_MEMBERS", "title", "x", "targetCount", 10, "dueOn", "2026-12-31"),
                Map.of("unionId", 410306, "kind", "NEW_MEMBERS", "title", "x", "targetCount", 10, "periodFrom", "2027-01", "dueOn", "2026-12-31"),
                Map.of("unionId", 410306, "kind", "NEW_MEMBERS", "title", "", "targetCount", 10, "periodFrom", "2026-01", "dueOn", "2026-12-31"),
                Map.of("unionId", 410306, "kind", "NEW_MEMBERS", "title", "x", "targetCount", 10, "targetRate", 0.5, "periodFrom", "2026-01", "dueOn", "2026-12-31"));
        for (Map<String, Object> input : bad) {
            Result r = post("jili", SET, Map.of("input", input));
            assertEquals("VALIDATION", r.errorCode(), () -> input + " " + r);
            assertNull(r.data("setEnrolmentTarget"));
        }
        Result future = record("jili", 410306, "COURIER", 5, today(1));
        assertEquals("VALIDATION", future.errorCode(), future::toString);
        assertTrue(future.errorMessage().startsWith("countedOn"), future::toString);
        Result negative = record("jili", 410306, "COURIER", -5, today(0));
        assertEquals("VALIDATION", negative.errorCode(), negative::toString);
        Result outside = record("jili", 220802, "COURIER", 5, today(0));
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
        Result deleteMissing = post("jili", "mutation { deleteEnrolmentTarget(id: 999999) }", Map.of());
        assertEquals("NOT_FOUND", deleteMissing.errorCode(), deleteMissing::toString);
        assertEquals(before, DemoData.fingerprint(dataSource));
    }
}
