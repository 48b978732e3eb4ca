package org.gonghui.rights;

import static org.gonghui.rights.RightsFixtures.ACCEPT;
import static org.gonghui.rights.RightsFixtures.MINE;
import static org.gonghui.rights.RightsFixtures.RECORD;
import static org.gonghui.rights.RightsFixtures.RESOLVE;
import static org.gonghui.rights.RightsFixtures.START;
import static org.gonghui.rights.RightsFixtures.SUBMIT;
import static org.gonghui.rights.RightsFixtures.VIEW;
import static org.gonghui.rights.RightsFixtures.as;
import static org.gonghui.rights.RightsFixtures.idVersion;
import static org.gonghui.rights.RightsFixtures.ok;
import static org.gonghui.rights.RightsFixtures.post;
import static org.gonghui.rights.RightsFixtures.submitInput;
import static org.gonghui.rights.RightsFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.calendar.WorkingCalendar;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rights end everywhere at once: dissolving a union refers every open case it handles to the union
 * directly above it in the same transaction, as referRightsCase does (SUBMITTED there with a new
 * acceptance deadline, no assignee, history kept, a REFERRED step by "system", an audit record per case,
 * a notice to each worker, by membership or by login), leaves resolved cases alone, keeps the
 * one-open-case rule, and takes as many statements for 2,000 cases as for one. The demo login "worker" is
 * linked to member 1 何强 of 41030611 河阳保安 (under 4103061 河阳街道); "outsider" has no membership.
 */
@QuarkusTestWithOidc
class DissolvedUnionCasesTests {

    static final String WORKER = Tokens.forDemoUser("worker");
    static final String OUTSIDER = Tokens.signed(Tokens.token("outsider", List.of("member"), null));
    static final String DISSOLVE = "mutation($input: DissolveUnionInput!) { dissolveUnion(input: $input) { id status } }";
    static final String NOTICES = "{ me { notifications { totalCount edges { node { id type text objectId } } } } }";

    @Inject
    DataSource dataSource;

    @Inject
    WorkingCalendar calendar;

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void linkTheWorker() {
        RightsFixtures.linkWorker(dataSource, "sub-worker");
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    private long count(String sql) {
        return DemoData.queryLong(dataSource, sql);
    }

    private String name(long unionId) {
        return DemoData.queryString(dataSource, "select name from trade_union where id = " + unionId);
    }

    private Result dissolve(String official, long unionId) {
        return ok(as(official, DISSOLVE, Map.of("input", Map.of("id", unionId, "version", DemoData.version(dataSource, unionId), "reason", "企业注销"))));
    }

    @Test
    void dissolvingTheHandlingUnionRefersItsOpenCasesToTheUnionAboveWithTheirHistoryANoticeAndAnAuditRecord() {
        Object submitted = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "甲公司")))).data("submitRightsCase.id");
        Result accepted = ok(as("heyang-baoan", ACCEPT, idVersion(ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "乙公司")))),
                "submitRightsCase")));
        Object working = ok(as("heyang-baoan", START, idVersion(accepted, "acceptRightsCase"))).data("startRightsCase.id");
        Result other = ok(as("heyang-baoan", ACCEPT, idVersion(ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "丙公司")))),
                "submitRightsCase")));
        Object resolved = ok(as("heyang-baoan", RESOLVE, with(idVersion(other, "acceptRightsCase"), "o", "ADVICE_GIVEN"))).data("resolveRightsCase.id");
        int versionBefore = RightsFixtures.version(dataSource, working);

        dissolve("heyang", 41030611);

        String due = calendar.addWorkingDays(RightsDeadlines.day(Instant.now()), 3).day().toString();
        for (Object id : List.of(submitted, working)) {
            Result full = ok(as("heyang", VIEW, Map.of("id", id)));
            assertEquals("SUBMITTED", full.data("rightsCase.status"), full::toString);
            assertEquals("4103061", full.data("rightsCase.handlingUnionId"));
            assertEquals("41030611", full.data("rightsCase.receivedUnionId"));
            assertEquals(List.of("41030611"), full.json().getList("data.rightsCase.referredFromUnionIds"));
            assertEquals(due, full.data("rightsCase.acceptDue"));
            assertNull(full.data("rightsCase.resolveDue"));
            assertNull(full.data("rightsCase.assignedTo"));
            assertEquals("REFERRED", full.data("rightsCase.steps[-1].kind"));
            assertEquals("41030611", full.data("rightsCase.steps[-1].unionId"));
            assertEquals("4103061", full.data("rightsCase.steps[-1].toUnionId"));
            assertEquals(RightsCaseService.SYSTEM, full.data("rightsCase.steps[-1].actor"));
        }
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "STARTED", "REFERRED"),
                ok(as("heyang", VIEW, Map.of("id", working))).json().getList("data.rightsCase.steps.kind"), "the history is kept");
        assertTrue(RightsFixtures.version(dataSource, working) > versionBefore, "the referral is a change: a stale version is CONFLICT");
        Result stale = as("heyang", ACCEPT, Map.of("id", working, "v", versionBefore));
        assertEquals("CONFLICT", stale.errorCode(), stale::toString);
        // a resolved case is no longer open: it stays where it was resolved
        assertEquals("RESOLVED|41030611", DemoData.queryString(dataSource, "select status || '|' || handling_union_id from rights_case where id = " + resolved));

        // the worker's own view: the new union, SUBMITTED, the referral without who made it
        Result mine = ok(post(WORKER, MINE, Map.of()));
        List<Map<String, Object>> cases = mine.json().getList("data.me.rightsCases.edges.node");
        Map<String, Object> moved = cases.stream().filter(c -> c.get("id").equals(working)).findFirst().orElseThrow();
        assertEquals("SUBMITTED", moved.get("status"));
        assertEquals(name(4103061), moved.get("handlingUnionName"));
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "STARTED", "REFERRED"), mine.json().getList("data.me.rightsCases.edges.find { it.node.id == '"
                + working + "' }.node.steps.kind"));
        assertNull(mine.json().get("data.me.rightsCases.edges.find { it.node.id == '" + working + "' }.node.steps[-1].actor"));

        // and hears of it: one notice per moved case, none for the resolved one
        Result notices = ok(post(WORKER, NOTICES, Map.of()));
        String text = "您的维权诉求已转至" + name(4103061) + "办理 (原受理工会已撤销)";
        assertEquals(List.of(String.valueOf(working), String.valueOf(submitted)),
                notices.json().getList("data.me.notifications.edges.findAll { it.node.text == '" + text + "' }.node.objectId"), notices::toString);
        assertEquals(List.of("RIGHTS_CASE_STEP"), notices.json().getList("data.me.notifications.edges.findAll { it.node.text == '" + text
                + "' }.node.type").stream().distinct().toList());

        // one audit record per case, by the official who dissolved the union, with the reason; in the dissolved union's trail
        assertEquals(2, count("select count(*) from audit_event where operation = 'referRightsCase' and actor_subject = 'sub-heyang'"
                + " and target_union_id = 41030611 and target_id in (" + submitted + ", " + working + ") and reason = '" + DissolvedUnionCases.REASON
                + "' and changes -> 'handlingUnionId' ->> 'after' = '4103061'"));
        // still open: the one-open-case rule holds them, and the union above can act at the new version
        assertEquals(2, count("select count(*) from rights_case_open where case_id in (" + submitted + ", " + working + ")"));
        Result twin = post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "甲公司")));
        assertEquals("CONFLICT", twin.errorCode(), twin::toString);
        assertTrue(twin.errorMessage().contains(String.valueOf(submitted)), twin::toString);
        ok(as("heyang", ACCEPT, Map.of("id", working, "v", RightsFixtures.version(dataSource, working))));
    }

    @Test
    void aDissolvedUnionTakesNoNewCasesItsMembersCasesGoToTheUnionAboveAndAnOfficialCannotRecordOneThere() {
        dissolve("heyang", 41030611);

        Result submitted = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "甲公司"))));
        assertEquals("4103061", submitted.data("submitRightsCase.handlingUnionId"), "the member's union is closed: the open union above takes it");
        assertEquals("4103061", submitted.data("submitRightsCase.receivedUnionId"));
        Result closedChoice = post(WORKER, SUBMIT, Map.of("input", with(submitInput("WORK_INJURY", "乙公司"), "handlingUnionId", 41030611)));
        assertEquals("VALIDATION", closedChoice.errorCode(), closedChoice::toString);
        assertTrue(closedChoice.errorMessage().startsWith("handlingUnionId: "), closedChoice::toString);

        long before = count("select count(*) from rights_case");
        Result recorded = as("heyang", RECORD, Map.of("input", Map.of("category", "OTHER", "channel", "HOTLINE", "description", "咨询",
                "workerName", "赵六", "contactPhone", "13700000000", "handlingUnionId", 41030611)));
        assertEquals("VALIDATION", recorded.errorCode(), recorded::toString);
        assertTrue(recorded.errorMessage().startsWith("handlingUnionId: "), recorded::toString);
        assertEquals(before, count("select count(*) from rights_case"), "nothing stored");
    }

    @Test
    void aWorkerWithoutAMembershipWhoseUnionIsDissolvedHearsOfTheReferralByTheirLogin() {
        Object id = ok(post(OUTSIDER, SUBMIT, Map.of("input", with(submitInput("LEGAL_CONSULTATION", null), "regionCode", "410326"))))
                .data("submitRightsCase.id");
        assertEquals(41032611L, count("select handling_union_id from rights_case where id = " + id));

        dissolve("ruyang", 41032611);

        assertEquals("SUBMITTED|4103261", DemoData.queryString(dataSource, "select status || '|' || handling_union_id from rights_case where id = " + id));
        Result notices = ok(post(OUTSIDER, NOTICES, Map.of()));
        assertEquals(2, notices.<Integer>data("me.notifications.totalCount"), notices::toString);
        assertEquals("您的维权诉求已转至" + name(4103261) + "办理 (原受理工会已撤销)", notices.data("me.notifications.edges[0].node.text"));
        assertEquals(List.of(String.valueOf(id), String.valueOf(id)), notices.json().getList("data.me.notifications.edges.node.objectId"));
        assertEquals(0, count("select count(*) from member_notification where object_id = '" + id + "'"), "nothing went to any membership");
        Result worker = ok(post(WORKER, NOTICES, Map.of()));
        assertTrue(worker.json().getList("data.me.notifications.edges.node.objectId").stream().noneMatch(String.valueOf(id)::equals),
                "another login hears nothing of it");
    }

    @Test
    void dissolvingAUnionWithTwoThousandOpenCasesTakesAsManyStatementsAsWithTwo() {
        openCases(41030611, 1, 2);
        openCases(41030612, 5, 2000);

        long two = statementsOf(() -> dissolve("heyang", 41030611));
        long many = statementsOf(() -> dissolve("heyang", 41030612));

        assertEquals(two, many, "a set-based referral: the number of cases does not change the number of statements");
        assertEquals(2000, count("select count(*) from rights_case where handling_union_id = 4103061 and status = 'SUBMITTED'"
                + " and referred_from_union_ids = '{41030612}' and assigned_to is null and resolve_due is null"));
        assertEquals(2000, count("select count(*) from rights_case_step where kind = 'REFERRED' and union_id = 41030612 and actor = 'system'"));
        assertEquals(1000, count("select count(*) from member_notification where membership_id = 5 and type = 'RIGHTS_CASE_STEP'"));
        assertEquals(1000, count("select count(*) from login_notification where subject like 'sub-generated-41030612-%'"));
        assertEquals(2000, count("select count(*) from audit_event where operation = 'referRightsCase' and target_union_id = 41030612"));
    }

    /** Open cases at the union, SUBMITTED, ACCEPTED and IN_PROGRESS in turn: even ones of the membership, odd ones of logins without one. */
    private void openCases(long unionId, long membershipId, int count) {
        DemoData.execute(dataSource, """
                insert into rights_case (category, channel, status, worker_subject, membership_id, person_hash, description_cipher, description_key,
                                         description_masked, received_union_id, handling_union_id, submitted_by, accept_due, resolve_due,
                                         assigned_to, accepted_at)
                select 'WAGE_ARREARS', 'APP', (array['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'])[1 + n %% 3],
                       case when n %% 2 = 1 then 'sub-generated-%1$d-' || n end,
                       case when n %% 2 = 0 then m.id end, case when n %% 2 = 0 then m.person_hash end,
                       '\\x00'::bytea, 'test-1', '（共10字）', %1$d, %1$d, 'generated', current_date + 3,
                       case when n %% 3 <> 0 then current_date + 15 end, case when n %% 3 <> 0 then 'sub-official' end,
                       case when n %% 3 <> 0 then now() end
                  from generate_series(1, %3$d) n, membership m where m.id = %2$d""".formatted(unionId, membershipId, count));
    }

    private long statementsOf(Runnable request) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }
}
