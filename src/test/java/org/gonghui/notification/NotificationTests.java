package org.gonghui.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.gonghui.member.IdNumber;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Members' notifications: written by the changes that concern them (application decisions, transfer
 * steps, program decisions, benefits, hardship steps) in the change's own transaction, listed under
 * {@code me { notifications }} for the member's own memberships only, paged with totalCount and an
 * unread filter, and marked read by their owner only. The demo login {@code worker} is linked to demo
 * member 1 (何强, 河阳保安) here; member 2 (李娜) stands for another member.
 */
@QuarkusTestWithOidc
class NotificationTests {

    static final String LIST = """
            query($unread: Boolean, $first: Int, $after: String) { me { notifications(unreadOnly: $unread, first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type text textEn objectId createdAt read readAt } } } } }""";
    static final String MARK = "mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }";

    @Inject
    Event<MemberNotice> notices;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void linkWorkerToMemberOne() {
        DemoData.execute(dataSource, "update person set subject = 'sub-worker' where id = (select person_id from membership where id = 1)");
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result as(String user, String query, Map<String, Object> variables) {
        return GraphQLClient.post(Tokens.forDemoUser(user), query, variables);
    }

    static Result list(Boolean unreadOnly, Integer first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("unread", unreadOnly);
        variables.put("first", first);
        variables.put("after", after);
        Result result = as("worker", LIST, variables);
        assertFalse(result.hasErrors(), result::toString);
        return result;
    }

    void notice(long membershipId, String objectId) {
        QuarkusTransaction.requiringNew().run(() -> notices.fire(new MemberNotice(membershipId, NoticeType.TRANSFER_STEP, "测试通知 " + objectId,
                "Test notice " + objectId, objectId)));
    }

    List<String> ids(Result result) {
        return result.json().getList("data.me.notifications.edges.node.id", String.class);
    }

    long notificationId(long membershipId, String objectId) {
        return DemoData.queryLong(dataSource, "select id from member_notification where membership_id = " + membershipId + " and object_id = '" + objectId + "'");
    }

    @Test
    void aMemberSeesTheirNotificationsNewestFirstInPagesWithTotalCount() {
        for (int i = 1; i <= 5; i++) {
            notice(1, "n" + i);
        }
        notice(2, "other");
        Result first = list(null, 2, null);
        assertEquals(5, first.<Integer>data("me.notifications.totalCount"));
        assertEquals(List.of("n5", "n4"), first.json().getList("data.me.notifications.edges.node.objectId"));
        assertEquals("测试通知 n5", first.data("me.notifications.edges[0].node.text"));
        assertEquals("Test notice n5", first.data("me.notifications.edges[0].node.textEn"));
        assertEquals("TRANSFER_STEP", first.data("me.notifications.edges[0].node.type"));
        assertEquals(Boolean.FALSE, first.data("me.notifications.edges[0].node.read"));
        assertNull(first.data("me.notifications.edges[0].node.readAt"));
        assertNotNull(first.data("me.notifications.edges[0].node.createdAt"));
        assertEquals(Boolean.TRUE, first.data("me.notifications.pageInfo.hasNextPage"));
        Result second = list(null, 2, first.data("me.notifications.pageInfo.endCursor"));
        assertEquals(List.of("n3", "n2"), second.json().getList("data.me.notifications.edges.node.objectId"));
        Result third = list(null, 2, second.data("me.notifications.pageInfo.endCursor"));
        assertEquals(List.of("n1"), third.json().getList("data.me.notifications.edges.node.objectId"));
        assertEquals(Boolean.FALSE, third.data("me.notifications.pageInfo.hasNextPage"));
    }

    @Test
    void markingReadChangesOnlyTheGivenNotificationsAndTheUnreadFilterFollows() {
        for (int i = 1; i <= 3; i++) {
            notice(1, "n" + i);
        }
        long n1 = notificationId(1, "n1");
        long n2 = notificationId(1, "n2");
        Result marked = as("worker", MARK, Map.of("ids", List.of(String.valueOf(n1), String.valueOf(n2), String.valueOf(n1))));
        assertFalse(marked.hasErrors(), marked::toString);
        assertEquals(1, marked.<Integer>data("markNotificationsRead"));
        Result unread = list(true, null, null);
        assertEquals(1, unread.<Integer>data("me.notifications.totalCount"));
        assertEquals(List.of("n3"), unread.json().getList("data.me.notifications.edges.node.objectId"));
        Result all = list(false, null, null);
        assertEquals(3, all.<Integer>data("me.notifications.totalCount"));
        assertEquals(List.of(false, true, true), all.json().getList("data.me.notifications.edges.node.read"));
        String readAt = DemoData.queryString(dataSource, "select read_at::text from member_notification where id = " + n1);
        // marking again keeps the first time
        assertFalse(as("worker", MARK, Map.of("ids", List.of(String.valueOf(n1)))).hasErrors());
        assertEquals(readAt, DemoData.queryString(dataSource, "select read_at::text from member_notification where id = " + n1));
    }

    @Test
    void anotherMembersNotificationIsNeitherListedNorMarkableAndLooksLikeAMissingOne() {
        notice(1, "mine");
        notice(2, "theirs");
        long mine = notificationId(1, "mine");
        long theirs = notificationId(2, "theirs");
        assertEquals(List.of(String.valueOf(mine)), ids(list(null, null, null)));

        Result other = as("worker", MARK, Map.of("ids", List.of(String.valueOf(mine), String.valueOf(theirs))));
        assertEquals("NOT_FOUND", other.errorCode(), other::toString);
        assertNull(other.data("markNotificationsRead"));
        Result missing = as("worker", MARK, Map.of("ids", List.of(String.valueOf(theirs + 1000))));
        assertEquals("NOT_FOUND", missing.errorCode());
        assertEquals(other.errorMessage(), missing.errorMessage());
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from member_notification where read_at is not null"));
    }

    @Test
    void idsAreTheIdTypeAsVariablesAndInlineAsStringsOrIntegers() {
        notice(1, "n1");
        notice(1, "n2");
        notice(1, "n3");
        long n1 = notificationId(1, "n1");
        long n2 = notificationId(1, "n2");
        long n3 = notificationId(1, "n3");
        // a variable of type [ID!]! (an integer in the JSON is an ID too)
        Result variables = as("worker", MARK, Map.of("ids", List.of(String.valueOf(n1))));
        assertFalse(variables.hasErrors(), variables::toString);
        assertEquals(2, variables.<Integer>data("markNotificationsRead"));
        Result integers = as("worker", MARK, Map.of("ids", List.of(n2)));
        assertFalse(integers.hasErrors(), integers::toString);
        assertEquals(1, integers.<Integer>data("markNotificationsRead"));
        // inline, as a string literal
        Result inline = as("worker", "mutation { markNotificationsRead(ids: [\"" + n3 + "\"]) }", Map.of());
        assertFalse(inline.hasErrors(), inline::toString);
        assertEquals(0, inline.<Integer>data("markNotificationsRead"));
        // a variable declared with another type is refused before anything runs
        Result strings = as("worker", "mutation($ids: [String!]!) { markNotificationsRead(ids: $ids) }", Map.of("ids", List.of(String.valueOf(n1))));
        assertEquals("BAD_REQUEST", strings.errorCode(), strings::toString);
        Result malformedInline = as("worker", "mutation { markNotificationsRead(ids: [\"01\"]) }", Map.of());
        assertEquals("VALIDATION", malformedInline.errorCode(), malformedInline::toString);
        assertTrue(malformedInline.errorMessage().startsWith("ids"), malformedInline::toString);
    }

    @Test
    void tooManyOrMalformedIdsAreValidation() {
        List<String> ids = new java.util.ArrayList<>();
        for (long i = 1; i <= 101; i++) {
            ids.add(String.valueOf(i));
        }
        Result result = as("worker", MARK, Map.of("ids", ids));
        assertEquals("VALIDATION", result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith("ids:"), result::toString);
        Result malformed = as("worker", MARK, Map.of("ids", List.of("0x10")));
        assertEquals("VALIDATION", malformed.errorCode(), malformed::toString);
        assertFalse(malformed.errorMessage().contains("0x10"), "the value is never repeated");
    }

    @Test
    void aRolledBackChangeNotifiesNobody() {
        QuarkusTransaction.begin();
        notices.fire(new MemberNotice(1, NoticeType.HARDSHIP_STEP, "回滚", "rolled back", "1"));
        QuarkusTransaction.rollback();
        assertEquals(0, list(null, null, null).<Integer>data("me.notifications.totalCount"));
    }

    @Test
    void aRefusedMutationLeavesNoNotification() {
        Result stale = as("heyang-baoan", "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id } }",
                Map.of("input", Map.of("id", 1, "version", 999, "toUnionId", 41030612)));
        assertEquals("CONFLICT", stale.errorCode(), stale::toString);
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from member_notification"));
    }

    @Test
    void transferStepsBenefitsAndHardshipStepsReachTheMember() {
        int version = (int) DemoData.queryLong(dataSource, "select version from membership where id = 1");
        Result released = as("heyang-baoan", "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id member { version } } }",
                Map.of("input", Map.of("id", 1, "version", version, "toUnionId", 41030612)));
        assertFalse(released.hasErrors(), released::toString);
        Object transfer = released.data("releaseMember.id");
        Result accepted = as("shunda", "mutation($input: TransferDecisionInput!) { acceptTransfer(input: $input) { id } }",
                Map.of("input", Map.of("transferId", transfer, "version", released.data("releaseMember.member.version"))));
        assertFalse(accepted.hasErrors(), accepted::toString);

        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Result program = as("shunda", "mutation($input: CreateServiceProgramInput!) { createServiceProgram(input: $input) { id } }",
                Map.of("input", Map.of("unionId", 41030612, "kind", "SUMMER_COOLING", "name", "夏送清凉", "periodStart", year + "-01-01",
                        "periodEnd", year + "-12-31", "budgetYuan", "1000.00", "status", "OPEN", "targetKeyGroups", List.of())));
        assertFalse(program.hasErrors(), program::toString);
        Result granted = as("shunda", "mutation($input: GrantBenefitInput!) { grantBenefit(input: $input) { id } }",
                Map.of("input", Map.of("programId", program.data("createServiceProgram.id"), "memberId", 1, "amountYuan", "50.00")));
        assertFalse(granted.hasErrors(), granted::toString);

        Result opened = as("shunda", "mutation($input: OpenHardshipFileInput!) { openHardshipFile(input: $input) { id version } }",
                Map.of("input", Map.of("memberId", 1, "level", "GENERAL", "reasons", List.of("ILLNESS"), "householdSize", 3,
                        "monthlyIncomeYuan", "2100.00", "dependents", 1, "description", "住院治疗")));
        assertFalse(opened.hasErrors(), opened::toString);

        Result mine = list(null, null, null);
        assertEquals(List.of("HARDSHIP_STEP", "BENEFIT_GRANTED", "TRANSFER_STEP", "TRANSFER_STEP"),
                mine.json().getList("data.me.notifications.edges.node.type"));
        assertEquals(List.of(String.valueOf(opened.<Object>data("openHardshipFile.id")), String.valueOf(granted.<Object>data("grantBenefit.id")),
                String.valueOf(transfer), String.valueOf(transfer)), mine.json().getList("data.me.notifications.edges.node.objectId"));
        assertEquals("您的会籍已转入洛阳顺达商贸有限公司工会。", mine.data("me.notifications.edges[2].node.text"));
        assertTrue(mine.<String>data("me.notifications.edges[0].node.text").contains("已申请"), mine::toString);
        // nothing of the household facts or officials' notes
        assertFalse(mine.body().contains("住院治疗"), mine::toString);
    }

    @Test
    void anApplicantHearsOfTheDecisionOnTheirApplication() {
        DemoData.execute(dataSource, "update person set subject = null where subject = 'sub-worker'");
        String idNumber = "41030619930517033" + IdNumber.checkCharacter("41030619930517033");
        Map<String, Object> input = new HashMap<>(Map.of("unionId", 41030612, "name", "郭晓东", "idNumber", idNumber, "phone", "13912345678",
                "employerName", "洛阳顺达商贸有限公司", "keyGroups", List.of("COURIER"), "newEmploymentForm", true));
        Result applied = as("worker", "mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id version } }",
                Map.of("input", input));
        assertFalse(applied.hasErrors(), applied::toString);
        Object id = applied.data("applyForMembership.id");
        Result rejected = as("shunda", "mutation($input: MemberDecisionInput!) { rejectApplication(input: $input) { id } }",
                Map.of("input", Map.of("id", id, "version", applied.data("applyForMembership.version"), "reason", "非本单位职工")));
        assertFalse(rejected.hasErrors(), rejected::toString);
        Result mine = list(null, null, null);
        assertEquals(List.of("APPLICATION_DECIDED"), mine.json().getList("data.me.notifications.edges.node.type"));
        assertEquals(List.of(String.valueOf(id)), mine.json().getList("data.me.notifications.edges.node.objectId"));
        assertFalse(mine.body().contains("非本单位职工"), "the notice points to the application instead of repeating the reason");
    }
}
