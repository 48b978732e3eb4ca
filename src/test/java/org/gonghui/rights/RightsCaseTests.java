package org.gonghui.rights;

import static org.gonghui.rights.RightsFixtures.ACCEPT;
import static org.gonghui.rights.RightsFixtures.ADD_STEP;
import static org.gonghui.rights.RightsFixtures.CONFIRM;
import static org.gonghui.rights.RightsFixtures.DECLINE;
import static org.gonghui.rights.RightsFixtures.HOST_CREDIT_CODE;
import static org.gonghui.rights.RightsFixtures.MINE;
import static org.gonghui.rights.RightsFixtures.QUEUE;
import static org.gonghui.rights.RightsFixtures.RECORD;
import static org.gonghui.rights.RightsFixtures.REFER;
import static org.gonghui.rights.RightsFixtures.RESOLVE;
import static org.gonghui.rights.RightsFixtures.REVEAL;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.ConfigProvider;
import org.gonghui.calendar.WorkingCalendar;
import org.gonghui.member.PersonalDataRotation;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rights cases end to end: routing, deadlines, the one-open-case rule, the handling workflow with its
 * steps, notices and audit, referral, the automatic closing, escalation in the queue, the audited
 * reveal and bad input. The demo login "worker" (subject sub-worker) is linked to member 1 何强 of
 * 41030611 河阳保安 (under 4103061 河阳街道 < 410306 吉利区); "outsider" is a login without a membership.
 */
@QuarkusTestWithOidc
class RightsCaseTests {

    static final String WORKER = Tokens.forDemoUser("worker");
    static final String OUTSIDER = Tokens.signed(Tokens.token("outsider", List.of("member"), null));

    @Inject
    DataSource dataSource;

    @Inject
    WorkingCalendar calendar;

    @Inject
    RightsCaseAutoClose autoClose;

    @Inject
    PersonalDataRotation rotation;

    @BeforeEach
    void linkTheWorker() {
        RightsFixtures.linkWorker(dataSource, "sub-worker");
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    private LocalDate today() {
        return RightsDeadlines.day(Instant.now());
    }

    private long count(String sql) {
        return DemoData.queryLong(dataSource, sql);
    }

    // --- routing and deadlines

    @Test
    void aMembersCaseGoesToTheirOwnUnionAndIsDueForAcceptanceInThreeWorkingDays() {
        Result r = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "洛阳某物流有限公司"))));
        assertEquals("SUBMITTED", r.data("submitRightsCase.status"));
        assertEquals("APP", r.data("submitRightsCase.channel"));
        assertEquals("41030611", r.data("submitRightsCase.handlingUnionId"));
        assertEquals("41030611", r.data("submitRightsCase.receivedUnionId"));
        assertEquals(calendar.addWorkingDays(today(), 3).day().toString(), r.data("submitRightsCase.acceptDue"));
        assertNull(r.data("submitRightsCase.resolveDue"));
        // the worker reads their own words (not audited: their own) and a masked phone; a handling official's masks are not the worker's view
        assertEquals("公司拖欠我 3 个月工资共 12000 元, 多次讨要未果", r.data("submitRightsCase.description"));
        assertNull(r.data("submitRightsCase.descriptionMasked"));
        assertEquals("138****1001", r.data("submitRightsCase.contactPhoneMasked"));
        assertEquals("何*", r.data("submitRightsCase.workerNameMasked"));
        assertEquals("12000.00", r.data("submitRightsCase.amountClaimedYuan"));
        assertEquals(List.of("SUBMITTED"), r.json().getList("data.submitRightsCase.steps.kind"));
        assertNull(r.data("submitRightsCase.steps[0].actor"), "the worker does not see who acted");
        // stored encrypted: no plaintext in the row, the masks beside it
        assertEquals(0, count("select count(*) from rights_case where position(convert_to('拖欠', 'UTF8') in description_cipher) > 0"
                + " or position(convert_to('13803791001', 'UTF8') in contact_phone_cipher) > 0"));
        assertEquals("（共29字）", DemoData.queryString(dataSource, "select description_masked from rights_case"), "the length, no word of the text");
        // the member hears of it
        assertEquals(1, count("select count(*) from member_notification where membership_id = 1 and type = 'RIGHTS_CASE_STEP'"));
        assertEquals(1, count("select count(*) from audit_event where operation = 'submitRightsCase'"));
    }

    @Test
    void aCaseAgainstTheWorkersOwnEnterpriseUnionsEmployerGoesToTheUnionAboveByDefault() {
        Map<String, Object> input = with(submitInput("LABOUR_CONTRACT", "洛阳河阳保安服务有限公司"), "employerCreditCode", HOST_CREDIT_CODE);
        Result r = ok(post(WORKER, SUBMIT, Map.of("input", input)));
        assertEquals("4103061", r.data("submitRightsCase.handlingUnionId"));
        // by name alone, spaces aside, as well
        Result byName = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WORK_INJURY", "洛阳 河阳保安服务有限公司"))));
        assertEquals("4103061", byName.data("submitRightsCase.handlingUnionId"));
    }

    @Test
    void theWorkerMayChooseTheUnionAboveButNoOtherUnion() {
        Result above = ok(post(WORKER, SUBMIT, Map.of("input", with(submitInput("GRIEVANCE", "某商场"), "handlingUnionId", 4103061))));
        assertEquals("4103061", above.data("submitRightsCase.handlingUnionId"));
        Result own = ok(post(WORKER, SUBMIT, Map.of("input", with(submitInput("LABOUR_CONTRACT", "洛阳河阳保安服务有限公司"), "handlingUnionId", 41030611))));
        assertEquals("41030611", own.data("submitRightsCase.handlingUnionId"), "the worker may keep the case at their own union");
        long before = count("select count(*) from rights_case");
        for (long other : List.of(410306L, 41030612L, 999999999L)) {
            Result refused = post(WORKER, SUBMIT, Map.of("input", with(submitInput("OTHER", "某商场"), "handlingUnionId", other)));
            assertEquals("VALIDATION", refused.errorCode(), refused::toString);
            assertTrue(refused.errorMessage().startsWith("handlingUnionId: "), refused::toString);
        }
        assertEquals(before, count("select count(*) from rights_case"));
    }

    @ParameterizedTest(name = "region {0} → union {1}")
    @CsvSource({ "410326, 41032611", "410308, 410308" })
    void aWorkerWithoutAMembershipIsRoutedToTheAreasCommunityUnionElseItsCountyFederation(String region, String union) {
        Result r = ok(post(OUTSIDER, SUBMIT, Map.of("input", with(submitInput("LEGAL_CONSULTATION", null), "regionCode", region,
                "workerName", "阿卜杜拉・艾买提"))));
        assertEquals(union, r.data("submitRightsCase.handlingUnionId"));
        assertEquals("阿*******", r.data("submitRightsCase.workerNameMasked"));
        assertNull(r.data("submitRightsCase.memberId"));
    }

    @ParameterizedTest(name = "regionCode {0}")
    @CsvSource({ "410306", "810000", "99", "000000" })
    void aRegionThatIsRetiredUnknownOrOutsideChinaIsValidationAndNothingIsStored(String region) {
        String before = DemoData.fingerprint(dataSource);
        Result r = post(OUTSIDER, SUBMIT, Map.of("input", with(submitInput("LEGAL_CONSULTATION", null), "regionCode", region)));
        assertEquals("VALIDATION", r.errorCode(), r::toString);
        assertTrue(r.errorMessage().startsWith("regionCode: "), r::toString);
        assertEquals(before, DemoData.fingerprint(dataSource));
    }

    @Test
    void aWorkerWithoutAMembershipMustGiveARegionAndAPhone() {
        Result noRegion = post(OUTSIDER, SUBMIT, Map.of("input", submitInput("OTHER", null)));
        assertEquals("VALIDATION", noRegion.errorCode(), noRegion::toString);
        assertTrue(noRegion.errorMessage().startsWith("regionCode: "), noRegion::toString);
        Map<String, Object> noPhone = with(submitInput("OTHER", null), "regionCode", "410326");
        noPhone.remove("contactPhone");
        Result refused = post(OUTSIDER, SUBMIT, Map.of("input", noPhone));
        assertEquals("VALIDATION", refused.errorCode(), refused::toString);
        assertTrue(refused.errorMessage().startsWith("contactPhone: "), refused::toString);
        assertEquals(0, count("select count(*) from rights_case"));
    }

    // --- one open case per worker, employer and category

    @Test
    void aSecondOpenCaseAgainstTheSameEmployerInTheSameCategoryIsConflictNamingTheOpenCase() {
        Result first = ok(post(WORKER, SUBMIT, Map.of("input", with(submitInput("WAGE_ARREARS", "洛阳某物流有限公司"), "employerCreditCode",
                "91410306MA45Y7D3EL"))));
        String id = first.data("submitRightsCase.id");
        Result second = post(WORKER, SUBMIT, Map.of("input", with(submitInput("WAGE_ARREARS", "另一个名字"), "employerCreditCode", "91410306MA45Y7D3EL")));
        assertEquals("CONFLICT", second.errorCode(), second::toString);
        assertTrue(second.errorMessage().contains(id), second::toString);
        // another category, or another employer, is a case of its own
        ok(post(WORKER, SUBMIT, Map.of("input", with(submitInput("SOCIAL_INSURANCE", "洛阳某物流有限公司"), "employerCreditCode", "91410306MA45Y7D3EL"))));
        ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "洛阳另一家公司"))));
        // once the first leaves the open states, the worker may submit again
        ok(as("heyang-baoan", DECLINE, with(idVersion(first, "submitRightsCase"), "r", "不属于工会受理范围, 请向劳动监察投诉")));
        ok(post(WORKER, SUBMIT, Map.of("input", with(submitInput("WAGE_ARREARS", "洛阳某物流有限公司"), "employerCreditCode", "91410306MA45Y7D3EL"))));
    }

    @Test
    void twoConcurrentSubmissionsOfTheSameCaseLeaveOneCaseAndTheOtherIsConflictNamingIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Result>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "洛阳某物流有限公司")));
                }));
            }
            start.countDown();
            List<Result> answers = new ArrayList<>();
            for (Future<Result> f : results) {
                answers.add(f.get());
            }
            List<Result> created = answers.stream().filter(r -> !r.hasErrors()).toList();
            assertEquals(1, created.size(), answers::toString);
            String id = created.get(0).data("submitRightsCase.id");
            for (Result r : answers.stream().filter(Result::hasErrors).toList()) {
                assertEquals("CONFLICT", r.errorCode(), r::toString);
                assertTrue(r.errorMessage().contains(id), r::toString);
            }
            assertEquals(1, count("select count(*) from rights_case"));
            assertEquals(1, count("select count(*) from rights_case_open"));
        } finally {
            pool.shutdownNow();
        }
    }

    // --- handling

    @Test
    void theHandlingUnionAcceptsWorksResolvesAndTheWorkerConfirmsAndRates() {
        Result submitted = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "洛阳某物流有限公司"))));
        Map<String, Object> c = idVersion(submitted, "submitRightsCase");
        Result accepted = ok(as("heyang-baoan", ACCEPT, c));
        assertEquals("ACCEPTED", accepted.data("acceptRightsCase.status"));
        assertEquals("sub-heyang-baoan", accepted.data("acceptRightsCase.assignedTo"));
        assertEquals(calendar.addWorkingDays(today(), 15).day().toString(), accepted.data("acceptRightsCase.resolveDue"));
        assertEquals("（共29字）", accepted.data("acceptRightsCase.descriptionMasked"));
        assertNull(accepted.data("acceptRightsCase.description"), "officials read the full text only through revealRightsCase");
        Result started = ok(as("heyang-baoan", START, idVersion(accepted, "acceptRightsCase")));
        Result noted = ok(as("heyang-baoan", ADD_STEP, with(idVersion(started, "startRightsCase"), "k", "NOTE", "t", "职工情绪激动, 注意沟通方式")));
        // the parent union's official (FULL reach) may act too
        Result acted = ok(as("heyang", ADD_STEP, with(idVersion(noted, "addRightsCaseStep"), "k", "ACTION", "t", "约谈用人单位负责人")));
        Result resolved = ok(as("heyang-baoan", RESOLVE, with(idVersion(acted, "addRightsCaseStep"), "o", "WAGES_RECOVERED", "w", "11800.50",
                "t", "用人单位已分两次支付")));
        assertEquals("RESOLVED", resolved.data("resolveRightsCase.status"));
        assertEquals("11800.50", resolved.data("resolveRightsCase.wagesRecoveredYuan"));
        assertEquals(0, (int) resolved.data("resolveRightsCase.resolveWorkingDays"));
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "STARTED", "NOTE", "ACTION", "RESOLVED"),
                resolved.json().getList("data.resolveRightsCase.steps.kind"));
        assertEquals("sub-heyang", resolved.data("resolveRightsCase.steps[4].actor"));

        // the worker: status, step dates and the outcome, never the internal note
        Result mine = ok(post(WORKER, MINE, Map.of()));
        assertEquals(1, (int) mine.data("me.rightsCases.totalCount"));
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "STARTED", "ACTION", "RESOLVED"), mine.json().getList("data.me.rightsCases.edges[0].node.steps.kind"));
        assertEquals("用人单位已分两次支付", mine.data("me.rightsCases.edges[0].node.outcomeText"));
        assertNull(mine.data("me.rightsCases.edges[0].node.handlingUnion"), "workers read the union's name, not the union record");
        assertEquals("洛阳河阳保安服务有限公司工会", mine.data("me.rightsCases.edges[0].node.handlingUnionName"));

        Result confirmed = ok(post(WORKER, CONFIRM, with(idVersion(resolved, "resolveRightsCase"), "r", 5, "c", "感谢工会")));
        assertEquals("CLOSED", confirmed.data("confirmRightsCase.status"));
        assertEquals(5, (int) confirmed.data("confirmRightsCase.rating"));
        // notices: submitted, accepted, resolved, closed (starting and notes are not announced)
        assertEquals(4, count("select count(*) from member_notification where membership_id = 1 and type = 'RIGHTS_CASE_STEP'"));
        assertEquals(0, count("select count(*) from rights_case_open"));
        // every step in the audit trail, without texts
        assertEquals(7, count("select count(*) from audit_event where target_type = 'RightsCase'"));
        assertEquals(0, count("select count(*) from audit_event where changes::text like '%约谈%' or changes::text like '%拖欠%'"));
    }

    @Test
    void aStaleVersionIsConflictAndChangesNothing() {
        Result submitted = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "洛阳某物流有限公司"))));
        Map<String, Object> c = idVersion(submitted, "submitRightsCase");
        ok(as("heyang-baoan", ADD_STEP, with(c, "k", "CONTACT", "t", "电话联系职工")));
        String before = DemoData.fingerprint(dataSource);
        Result stale = as("heyang", ACCEPT, c);
        assertEquals("CONFLICT", stale.errorCode(), stale::toString);
        assertTrue(stale.errorMessage().startsWith("version: "), stale::toString);
        assertEquals(before, DemoData.fingerprint(dataSource));
        // a step the state forbids is CONFLICT as well
        Map<String, Object> fresh = with(c, "v", RightsFixtures.version(dataSource, c.get("id")));
        Result early = as("heyang-baoan", START, fresh);
        assertEquals("CONFLICT", early.errorCode(), early::toString);
    }

    @Test
    void aReferralMovesTheCaseUpKeepsItsHistoryAndLeavesTheReferrerTheSummary() {
        Result submitted = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "洛阳某物流有限公司"))));
        Result accepted = ok(as("heyang-baoan", ACCEPT, idVersion(submitted, "submitRightsCase")));
        Result referred = ok(as("heyang-baoan", REFER, with(idVersion(accepted, "acceptRightsCase"), "r", "涉及多家企业, 需街道协调")));
        assertEquals("SUBMITTED", referred.data("referRightsCase.status"));
        assertEquals("4103061", referred.data("referRightsCase.handlingUnionId"));
        assertEquals("41030611", referred.data("referRightsCase.receivedUnionId"));
        assertEquals(List.of("41030611"), referred.json().getList("data.referRightsCase.referredFromUnionIds"));
        Object id = referred.data("referRightsCase.id");
        // the referring union now sees status and outcome, not the texts, and may no longer act
        Result summary = ok(as("heyang-baoan", VIEW, Map.of("id", id)));
        assertEquals("SUBMITTED", summary.data("rightsCase.status"));
        assertNull(summary.data("rightsCase.descriptionMasked"));
        assertNull(summary.data("rightsCase.employerName"));
        assertNull(summary.data("rightsCase.contactPhoneMasked"));
        assertEquals("何*", summary.data("rightsCase.workerNameMasked"));
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "REFERRED"), summary.json().getList("data.rightsCase.steps.kind"));
        Result refused = as("heyang-baoan", ACCEPT, Map.of("id", id, "v", RightsFixtures.version(dataSource, id)));
        assertEquals("FORBIDDEN", refused.errorCode(), refused::toString);
        // the street union accepts it; 吉利区 above it now has FULL reach, 河阳保安 none of the handling
        ok(as("heyang", ACCEPT, Map.of("id", id, "v", RightsFixtures.version(dataSource, id))));
        Result full = ok(as("jili", VIEW, Map.of("id", id)));
        assertNotNull(full.data("rightsCase.descriptionMasked"));
        Result reveal = ok(as("jili", REVEAL, Map.of("id", id, "r", "核查转办情况")));
        assertEquals("涉及多家企业, 需街道协调", reveal.data("revealRightsCase.steps[2].text"));
    }

    @Test
    void aResolvedCaseClosesByItselfSevenCalendarDaysLater() {
        Result a = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "甲公司"))));
        Result b = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "乙公司"))));
        for (Result r : List.of(a, b)) {
            Result accepted = ok(as("heyang-baoan", ACCEPT, idVersion(r, "submitRightsCase")));
            ok(as("heyang-baoan", RESOLVE, with(idVersion(accepted, "acceptRightsCase"), "o", "ADVICE_GIVEN")));
        }
        Object old = a.data("submitRightsCase.id");
        Object recent = b.data("submitRightsCase.id");
        DemoData.execute(dataSource, "update rights_case set resolved_at = now() - interval '7 days 1 minute' where id = " + old);
        DemoData.execute(dataSource, "update rights_case set resolved_at = now() - interval '6 days 23 hours' where id = " + recent);
        assertEquals(1, autoClose.closeDue());
        assertEquals("CLOSED", DemoData.queryString(dataSource, "select status from rights_case where id = " + old));
        assertEquals("RESOLVED", DemoData.queryString(dataSource, "select status from rights_case where id = " + recent));
        assertEquals("system", DemoData.queryString(dataSource, "select actor from rights_case_step where case_id = " + old + " and kind = 'CLOSED'"));
        assertEquals(1, count("select count(*) from member_notification where object_id = '" + old + "' and text_en like '%closed automatically%'"));
        assertEquals(0, autoClose.closeDue(), "nothing left to close");
    }

    @Test
    void anOverdueCaseIsEscalatedToTheQueueOfTheUnionAboveTheHandlingOne() {
        Result late = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "甲公司"))));
        ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "乙公司"))));
        Object lateId = late.data("submitRightsCase.id");
        DemoData.execute(dataSource, "update rights_case set accept_due = current_date - 2 where id = " + lateId);
        Result parent = ok(as("heyang", QUEUE, Map.of("f", Map.of("escalated", true))));
        assertEquals(1, (int) parent.data("rightsCases.totalCount"));
        assertEquals(lateId, parent.data("rightsCases.edges[0].node.id"));
        assertEquals(true, parent.data("rightsCases.edges[0].node.overdue"));
        assertEquals("4103061", parent.data("rightsCases.edges[0].node.escalatedToUnionId"));
        // 吉利区 is two levels up: not its escalation, though it sees the case in its subtree as overdue
        assertEquals(0, (int) ok(as("jili", QUEUE, Map.of("f", Map.of("escalated", true)))).data("rightsCases.totalCount"));
        assertEquals(1, (int) ok(as("jili", QUEUE, Map.of("f", Map.of("overdue", true)))).data("rightsCases.totalCount"));
        assertEquals(1, (int) ok(as("jili", QUEUE, Map.of("f", Map.of("overdue", false)))).data("rightsCases.totalCount"));
        // the queue says which years lack a holiday schedule
        assertEquals(calendar.yearsWithoutSchedule(), parent.json().getList("data.rightsCases.yearsWithoutSchedule"));
    }

    @Test
    void theQueueFiltersAndSortsByDeadlineAndTheWorkersIdentityStaysMasked() {
        Result a = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "甲公司"))));
        Result b = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WORK_INJURY", "乙公司"))));
        ok(as("heyang-baoan", ACCEPT, idVersion(b, "submitRightsCase")));
        DemoData.execute(dataSource, "update rights_case set accept_due = current_date + 30 where id = " + a.data("submitRightsCase.id"));
        Result byDue = ok(as("jili", QUEUE, Map.of("o", Map.of("field", "DUE"))));
        assertEquals(List.of(b.data("submitRightsCase.id"), a.data("submitRightsCase.id")), byDue.json().getList("data.rightsCases.edges.node.id"));
        Result accepted = ok(as("jili", QUEUE, Map.of("f", Map.of("statuses", List.of("ACCEPTED"), "categories", List.of("WORK_INJURY")))));
        assertEquals(1, (int) accepted.data("rightsCases.totalCount"));
        // 吉利区 is above the parent: SUMMARY reach, no texts
        assertNull(accepted.data("rightsCases.edges[0].node.descriptionMasked"));
        assertNull(accepted.data("rightsCases.edges[0].node.employerName"));
        assertEquals("何*", accepted.data("rightsCases.edges[0].node.workerNameMasked"));
        assertEquals("41030611", accepted.data("rightsCases.edges[0].node.handlingUnion.id"));
        Result mine = ok(as("heyang-baoan", QUEUE, Map.of("f", Map.of("assignedToMe", true))));
        assertEquals(1, (int) mine.data("rightsCases.totalCount"));
        String today = today().toString();
        assertEquals(2, (int) ok(as("jili", QUEUE, Map.of("f", Map.of("submittedFrom", today, "submittedTo", today)))).data("rightsCases.totalCount"));
        assertEquals(0, (int) ok(as("jili", QUEUE, Map.of("f", Map.of("submittedTo", today().minusDays(1).toString())))).data("rightsCases.totalCount"));
        Result outside = as("ruyang", QUEUE, Map.of("f", Map.of("unionId", 41030611)));
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
    }

    // --- officials record cases; the audited reveal

    @Test
    void anOfficialRecordsAHotlineCaseForANonMemberAndTheRevealIsAuditedWithItsReason() {
        Result recorded = ok(as("heyang-baoan", RECORD, Map.of("input", Map.of("category", "LEGAL_CONSULTATION", "channel", "HOTLINE",
                "description", "咨询试用期被辞退是否有补偿", "workerName", "李四", "contactPhone", "13912345678"))));
        assertEquals("HOTLINE", recorded.data("recordRightsCase.channel"));
        assertEquals("41030611", recorded.data("recordRightsCase.handlingUnionId"));
        assertEquals("139****5678", recorded.data("recordRightsCase.contactPhoneMasked"));
        assertEquals("李*", recorded.data("recordRightsCase.workerNameMasked"));
        Object id = recorded.data("recordRightsCase.id");
        ok(as("heyang-baoan", ADD_STEP, Map.of("id", id, "v", RightsFixtures.version(dataSource, id), "k", "NOTE", "t", "需法律援助律师跟进")));
        Result noReason = as("heyang", REVEAL, Map.of("id", id, "r", " "));
        assertEquals("VALIDATION", noReason.errorCode(), noReason::toString);
        Result reveal = ok(as("heyang", REVEAL, Map.of("id", id, "r", "安排律师回访")));
        assertEquals("李四", reveal.data("revealRightsCase.workerName"));
        assertEquals("13912345678", reveal.data("revealRightsCase.contactPhone"));
        assertEquals("咨询试用期被辞退是否有补偿", reveal.data("revealRightsCase.description"));
        assertEquals("需法律援助律师跟进", reveal.data("revealRightsCase.steps[1].text"));
        assertEquals("安排律师回访", DemoData.queryString(dataSource, "select reason from audit_event where operation = 'revealRightsCase'"));
        Result summaryOnly = as("jili", REVEAL, Map.of("id", id, "r", "抽查"));
        assertEquals("FORBIDDEN", summaryOnly.errorCode(), summaryOnly::toString);
        // a member of the subtree: the case is theirs to follow in the app
        Result forMember = ok(as("heyang-baoan", RECORD, Map.of("input", Map.of("category", "WORK_INJURY", "channel", "WALK_IN",
                "description", "工伤认定咨询", "memberId", 1))));
        assertEquals("1", forMember.data("recordRightsCase.memberId"));
        assertEquals(1, (int) ok(post(WORKER, MINE, Map.of())).data("me.rightsCases.totalCount"));
        Result app = as("heyang-baoan", RECORD, Map.of("input", Map.of("category", "OTHER", "channel", "APP", "description", "x", "memberId", 1)));
        assertEquals("VALIDATION", app.errorCode(), app::toString);
        Result outsideMember = as("heyang-baoan", RECORD, Map.of("input", Map.of("category", "OTHER", "channel", "HOTLINE", "description", "x",
                "memberId", 10)));
        assertEquals("NOT_FOUND", outsideMember.errorCode(), outsideMember::toString);
        for (long union : List.of(999999999L, 41030612L)) {
            Result unknownUnion = as("heyang-baoan", RECORD, Map.of("input", Map.of("category", "OTHER", "channel", "HOTLINE", "description", "x",
                    "workerName", "赵六", "contactPhone", "13700000000", "handlingUnionId", union)));
            assertEquals("NOT_FOUND", unknownUnion.errorCode(), unknownUnion::toString);
            assertTrue(unknownUnion.errorMessage().startsWith("handlingUnionId: "), unknownUnion::toString);
        }
    }

    @Test
    void textsUnderARetiredKeyAreReencryptedUnderTheActiveKeyAndReadAsBefore() {
        Result recorded = ok(as("heyang-baoan", RECORD, Map.of("input", Map.of("category", "LEGAL_AID", "channel", "STATION",
                "description", "申请法律援助: 工伤赔偿", "workerName", "钱七", "contactPhone", "13612345678"))));
        Object id = recorded.data("recordRightsCase.id");
        ok(as("heyang-baoan", ADD_STEP, Map.of("id", id, "v", RightsFixtures.version(dataSource, id), "k", "CONTACT", "t", "已电话回访")));
        // the same texts as they were under the older key of the test configuration
        var config = ConfigProvider.getConfig();
        PersonalData old = new PersonalData(
                config.getValue("gonghui.personal-data.encryption-keys", String.class), "test-old",
                config.getValue("gonghui.personal-data.hash-key", String.class));
        HexFormat hex = HexFormat.of();
        var purpose = Purpose.RIGHTS_CASE_TEXT;
        DemoData.execute(dataSource, "update rights_case set description_cipher = decode('"
                + hex.formatHex(old.encrypt(purpose, "申请法律援助: 工伤赔偿").ciphertext()) + "', 'hex'), description_key = 'test-old', worker_name_cipher = decode('"
                + hex.formatHex(old.encrypt(purpose, "钱七").ciphertext()) + "', 'hex'), worker_name_key = 'test-old', contact_phone_cipher = decode('"
                + hex.formatHex(old.encrypt(Purpose.CONTACT_PHONE, "13612345678").ciphertext())
                + "', 'hex'), contact_phone_key = 'test-old' where id = " + id);
        DemoData.execute(dataSource, "update rights_case_step set text_cipher = decode('" + hex.formatHex(old.encrypt(purpose, "已电话回访").ciphertext())
                + "', 'hex'), text_key = 'test-old' where kind = 'CONTACT'");
        int version = RightsFixtures.version(dataSource, id);
        assertTrue(rotation.reencryptBatch() >= 1);
        assertEquals(0, count("select count(*) from rights_case where 'test-old' in (description_key, worker_name_key, contact_phone_key)"));
        assertEquals(0, count("select count(*) from rights_case_step where text_key = 'test-old'"));
        assertEquals(version, RightsFixtures.version(dataSource, id), "rotation is not a change clients see");
        Result reveal = ok(as("heyang-baoan", REVEAL, Map.of("id", id, "r", "核对")));
        assertEquals("申请法律援助: 工伤赔偿", reveal.data("revealRightsCase.description"));
        assertEquals("钱七", reveal.data("revealRightsCase.workerName"));
        assertEquals("13612345678", reveal.data("revealRightsCase.contactPhone"));
        assertEquals("已电话回访", reveal.data("revealRightsCase.steps[1].text"));
        assertEquals(0, rotation.reencryptBatch(), "nothing left under the old key");
    }

    // --- bad input: VALIDATION naming the field, nothing stored

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "amountClaimedYuan|1e3", "amountClaimedYuan|-5", "amountClaimedYuan|12.345", "amountClaimedYuan|1,000",
            "description|投诉\u202E内容", "description|\u200B\u200B", "employerName|某公司\t分店", "employerCreditCode|91410306MA44X1B2CD",
            "contactPhone|12345", "preferredContactTime|晚\u0007上", "handlingUnionId|abc", "handlingUnionId|01", "regionCode|41030" })
    void badInputIsValidationNamingTheFieldAndStoresNothing(String field, String value) {
        String before = DemoData.fingerprint(dataSource);
        Result r = post(WORKER, SUBMIT, Map.of("input", with(submitInput("WAGE_ARREARS", "甲公司"), field, value)));
        assertEquals("VALIDATION", r.errorCode(), r::toString);
        assertTrue(r.errorMessage().startsWith(field + ": "), r::toString);
        assertFalse(r.errorMessage().contains("投诉") || r.errorMessage().contains("某公司"), "no personal input echoed: " + r);
        assertEquals(before, DemoData.fingerprint(dataSource));
    }

    @Test
    void anUnknownEnumValueOrAMalformedIdIsRefusedBeforeAnythingRuns() {
        Result category = post(WORKER, SUBMIT, Map.of("input", with(submitInput("WAGE_ARREARS", "甲公司"), "category", "BRIBERY")));
        assertEquals("BAD_REQUEST", category.errorCode(), category::toString);
        Result id = as("heyang-baoan", VIEW, Map.of("id", "1 OR 1=1"));
        assertEquals("VALIDATION", id.errorCode(), id::toString);
        assertTrue(id.errorMessage().startsWith("id: "), id::toString);
        Result rating = ok(post(WORKER, SUBMIT, Map.of("input", submitInput("WAGE_ARREARS", "甲公司"))));
        Result badRating = post(WORKER, CONFIRM, with(idVersion(rating, "submitRightsCase"), "r", 6));
        assertEquals("CONFLICT", badRating.errorCode(), "a SUBMITTED case is not yet to be confirmed: " + badRating);
        Result missing = as("heyang-baoan", VIEW, Map.of("id", 123456789));
        assertEquals("NOT_FOUND", missing.errorCode(), missing::toString);
        assertEquals(1, count("select count(*) from rights_case"));
    }
}
