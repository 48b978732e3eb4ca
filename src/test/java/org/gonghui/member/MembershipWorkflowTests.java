package org.gonghui.member;

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

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** Applications, transfers and status changes, end to end through GraphQL, checked with our own SQL. */
@QuarkusTestWithOidc
class MembershipWorkflowTests {

    static final String NEW_WORKER_ID = "41030619930517033" + IdNumber.checkCharacter("41030619930517033");
    static final String MEMBER_FIELDS = "id status version cardNumber joinedOn unionId statusReason union { id name } ";
    static final String APPLY = "mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { " + MEMBER_FIELDS + "} }";
    static final String APPROVE = "mutation($input: MemberDecisionInput!) { approveApplication(input: $input) { " + MEMBER_FIELDS + "} }";
    static final String REJECT = "mutation($input: MemberDecisionInput!) { rejectApplication(input: $input) { " + MEMBER_FIELDS + "} }";
    static final String WITHDRAW = "mutation($input: MemberDecisionInput!) { withdrawApplication(input: $input) { " + MEMBER_FIELDS + "} }";
    static final String RELEASE = "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id status fromUnionId toUnionId member { status version } } }";
    static final String ACCEPT = "mutation($input: TransferDecisionInput!) { acceptTransfer(input: $input) { " + MEMBER_FIELDS + "} }";
    static final String CANCEL = "mutation($input: TransferDecisionInput!) { cancelTransfer(input: $input) { id status decisionReason member { status unionId version } } }";
    static final String CHANGE = "mutation($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { " + MEMBER_FIELDS + "} }";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static String token(String user) {
        return Tokens.forDemoUser(user);
    }

    static Map<String, Object> application(Object unionId) {
        Map<String, Object> input = new HashMap<>();
        input.put("unionId", unionId);
        input.put("name", "郭晓东");
        input.put("idNumber", NEW_WORKER_ID);
        input.put("phone", "13912345678");
        input.put("employerName", "洛阳顺达商贸有限公司");
        input.put("employerCreditCode", "91410306MA45Y7D3EL");
        input.put("keyGroups", List.of("COURIER"));
        input.put("newEmploymentForm", true);
        return input;
    }

    static Result post(String user, String mutation, Map<String, Object> input) {
        return GraphQLClient.post(user == null ? null : token(user), mutation, Map.of("input", input));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aWorkerAppliesFollowsTheApplicationAndAfterApprovalSeesTheirMembershipAndUnionChain() {
        Map<String, Object> input = application(41030612);
        input.put("idempotencyKey", "app-retry-1");
        Result applied = post("worker", APPLY, input);
        assertFalse(applied.hasErrors(), applied::toString);
        assertEquals("PENDING", applied.data("applyForMembership.status"));
        assertNull(applied.data("applyForMembership.cardNumber"));
        int id = applied.data("applyForMembership.id") instanceof String s ? Integer.parseInt(s) : applied.<Integer>data("applyForMembership.id");

        Result retried = post("worker", APPLY, input);
        assertFalse(retried.hasErrors(), retried::toString);
        assertEquals(applied.<Object>data("applyForMembership.id"), retried.data("applyForMembership.id"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from membership where applicant_subject = 'sub-worker'"));

        Result mine = GraphQLClient.post(token("worker"), "{ me { membership { id } applications { totalCount edges { node { id status union { name } } } } } }");
        assertFalse(mine.hasErrors(), mine::toString);
        assertNull(mine.data("me.membership"));
        assertEquals(1, mine.<Integer>data("me.applications.totalCount"));
        assertEquals("洛阳顺达商贸有限公司工会", mine.data("me.applications.edges[0].node.union.name"));

        Result approved = post("shunda", APPROVE, Map.of("id", id, "version", 0));
        assertFalse(approved.hasErrors(), approved::toString);
        assertEquals("ACTIVE", approved.data("approveApplication.status"));
        assertTrue(approved.<String>data("approveApplication.cardNumber").matches("GH[0-9]{12}"), approved::toString);
        assertEquals(today().toString(), approved.data("approveApplication.joinedOn"));

        Result member = GraphQLClient.post(token("worker"), """
                { me { tier membership { status cardNumber idNumber phone unionChain { id level } history { edges { node { fromStatus toStatus } } } } } }""");
        assertFalse(member.hasErrors(), member::toString);
        assertEquals("ACTIVE", member.data("me.membership.status"));
        assertEquals("410***********033" + NEW_WORKER_ID.charAt(17), member.data("me.membership.idNumber"));
        assertEquals("139****5678", member.data("me.membership.phone"));
        assertEquals(List.of("41030612", "4103061", "410306", "4103", "41"), member.json().getList("data.me.membership.unionChain.id"));
        assertEquals(List.of("GRASSROOTS", "TOWNSHIP", "COUNTY", "CITY", "PROVINCIAL"), member.json().getList("data.me.membership.unionChain.level"));
        assertEquals(List.of("PENDING", "ACTIVE"), member.json().getList("data.me.membership.history.edges.node.toStatus"));
        assertEquals("sub-worker", DemoData.queryString(dataSource, "select subject from person p join membership m on m.person_id = p.id where m.id = " + id));
    }

    @Test
    void theSameIdempotencyKeyWithADifferentRequestIsAConflict() {
        Map<String, Object> input = application(41030612);
        input.put("idempotencyKey", "k-1");
        assertFalse(post("worker", APPLY, input).hasErrors());
        input.put("phone", "13900000000");
        Result reused = post("worker", APPLY, input);
        assertEquals("CONFLICT", reused.errorCode(), reused::toString);
        assertTrue(reused.errorMessage().startsWith("idempotencyKey"), reused::toString);
    }

    @Test
    void aWorkerWhoseEmployerHasNoUnionJoinsTheAreasCommunityUnionProvisionally() {
        Map<String, Object> input = application(null);
        input.remove("unionId");
        input.put("regionCode", "410326");
        Result applied = post("heyang", APPLY, Map.of());
        assertEquals("BAD_REQUEST", applied.status() == 400 ? "BAD_REQUEST" : applied.errorCode(), applied::toString);
        applied = post("ruyang", APPLY, input);
        assertFalse(applied.hasErrors(), applied::toString);
        assertEquals("41032611", String.valueOf(applied.<Object>data("applyForMembership.unionId")));
        Object id = applied.data("applyForMembership.id");
        Result approved = post("ruyang", APPROVE, Map.of("id", id, "version", 0));
        assertEquals("PROVISIONAL", approved.data("approveApplication.status"), approved::toString);

        Map<String, Object> nowhere = application(null);
        nowhere.remove("unionId");
        nowhere.put("regionCode", "410326");
        nowhere.put("idNumber", DemoIds.valid("41032619910101051"));
        Result outOfScope = post("jili", APPLY, nowhere);
        assertEquals("NOT_FOUND", outOfScope.errorCode(), outOfScope::toString);
        nowhere.put("regionCode", "410399");
        Result noCommunity = post("quanzong", APPLY, nowhere);
        assertEquals("VALIDATION", noCommunity.errorCode(), noCommunity::toString);
        assertTrue(noCommunity.errorMessage().startsWith("regionCode"), noCommunity::toString);
    }

    @Test
    void aSecondJoinIsAConflictThatNamesTheCurrentUnionOnlyToThoseWhoMaySeeIt() {
        Map<String, Object> again = application(41030612);
        again.put("name", "何强");
        again.put("idNumber", MemberRegistryTests.HE_QIANG_ID);
        String before = DemoData.fingerprint(dataSource);
        Result inside = post("heyang", APPLY, again);
        assertEquals("CONFLICT", inside.errorCode(), inside::toString);
        assertTrue(inside.errorMessage().contains("洛阳河阳保安服务有限公司工会"), inside::toString);
        Result outside = post("baicheng", APPLY, with(again, "unionId", 22080212));
        assertEquals("CONFLICT", outside.errorCode(), outside::toString);
        assertFalse(outside.errorMessage().contains("河阳"), outside::toString);
        Result stranger = post("worker", APPLY, again);
        assertEquals("CONFLICT", stranger.errorCode(), stranger::toString);
        assertFalse(stranger.errorMessage().contains("河阳"), stranger::toString);
        assertEquals(before, DemoData.fingerprint(dataSource));
    }

    @Test
    void badApplicationsAreValidationErrorsNamingTheFieldAndChangeNothing() {
        String before = DemoData.fingerprint(dataSource);
        assertRejected(with(application(41030612), "idNumber", "440308199003141234"), "VALIDATION", "idNumber");
        assertRejected(with(application(41030612), "idNumber", DemoIds.valid("41030620990101011")), "VALIDATION", "idNumber");
        assertRejected(with(application(41030612), "idNumber", "4103061993051703"), "VALIDATION", "idNumber");
        assertRejected(with(application(41030612), "phone", "12345678901"), "VALIDATION", "phone");
        assertRejected(with(application(41030612), "employerCreditCode", "91410306MA45Y7D3EX"), "VALIDATION", "employerCreditCode");
        assertRejected(with(application(41030612), "name", " "), "VALIDATION", "name");
        Result township = post("heyang", APPLY, application(4103061));
        assertEquals("VALIDATION", township.errorCode(), township::toString);
        assertTrue(township.errorMessage().startsWith("unionId:"), township::toString);
        Result outside = post("shunda", APPLY, application(4103061));
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
        assertRejected(with(with(application(41030612), "name", "何强"), "idNumber", MemberRegistryTests.HE_QIANG_ID.substring(0, 17) + "0"), "VALIDATION", "idNumber");
        assertEquals(before, DemoData.fingerprint(dataSource));
        assertRejected(with(application(41030612), "name", "郭晓"), null, null);
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from membership where status = 'PENDING' and union_id = 41030612"));
        assertRejected(with(application(41030612), "name", "郭晓"), "CONFLICT", "idNumber");
        assertRejected(with(application(41030612), "name", "郭晓东"), "VALIDATION", "name");
        DemoData.restore(dataSource);
        String restored = DemoData.fingerprint(dataSource);
        assertRejected(with(with(application(41030612), "name", "李娜"), "idNumber", DemoIds.valid("41030619900705022")), "CONFLICT", "idNumber");
        assertEquals(restored, DemoData.fingerprint(dataSource));
    }

    void assertRejected(Map<String, Object> input, String code, String field) {
        Result result = post("shunda", APPLY, input);
        if (code == null) {
            assertFalse(result.hasErrors(), result::toString);
            return;
        }
        assertEquals(code, result.errorCode(), result::toString);
        assertTrue(result.errorMessage().startsWith(field + ":"), result::toString);
        assertNull(result.data("applyForMembership"));
    }

    @Test
    void theUnionRejectsWithAReasonAndTheApplicantMayWithdraw() {
        Result noReason = post("heyang-baoan", REJECT, Map.of("id", 12, "version", 0));
        assertEquals("VALIDATION", noReason.errorCode(), noReason::toString);
        Result rejected = post("heyang-baoan", REJECT, Map.of("id", 12, "version", 0, "reason", "非本单位职工"));
        assertEquals("REJECTED", rejected.data("rejectApplication.status"), rejected::toString);
        assertEquals("非本单位职工", rejected.data("rejectApplication.statusReason"));
        Result again = post("heyang-baoan", APPROVE, Map.of("id", 12, "version", 1));
        assertEquals("CONFLICT", again.errorCode(), again::toString);

        Result applied = post("worker", APPLY, application(41030612));
        Object id = applied.data("applyForMembership.id");
        Result otherMember = GraphQLClient.post(Tokens.signed(Tokens.token("someone", List.of("member"), null)), WITHDRAW,
                Map.of("input", Map.of("id", id, "version", 0)));
        assertEquals("NOT_FOUND", otherMember.errorCode(), otherMember::toString);
        Result withdrawn = post("worker", WITHDRAW, Map.of("id", id, "version", 0));
        assertEquals("WITHDRAWN", withdrawn.data("withdrawApplication.status"), withdrawn::toString);
    }

    @Test
    void aTransferKeepsTheJoinDateAndTheHistoryAndOnlyTheReceivingUnionAccepts() {
        Result released = post("heyang-baoan", RELEASE, Map.of("id", 2, "version", 0, "toUnionId", 22080212, "reason", "工作调动"));
        assertFalse(released.hasErrors(), released::toString);
        assertEquals("RELEASED", released.data("releaseMember.status"));
        assertEquals("TRANSFERRING", released.data("releaseMember.member.status"));
        Object transferId = released.data("releaseMember.id");

        Result incoming = GraphQLClient.post(token("baicheng"), "{ membershipTransfers(filter: {direction: INCOMING}) { edges { node { id member { name idNumber } } } } member(id: 2) { status } }");
        assertFalse(incoming.hasErrors(), incoming::toString);
        assertEquals(List.of("李娜"), incoming.json().getList("data.membershipTransfers.edges.node.member.name"));
        assertEquals("TRANSFERRING", incoming.data("member.status"));
        Result notYours = post("baicheng", CHANGE, Map.of("id", 2, "version", 1, "status", "WITHDRAWN", "reason", "x"));
        assertEquals("FORBIDDEN", notYours.errorCode(), notYours::toString);

        Result outgoingAccepts = post("heyang-baoan", ACCEPT, Map.of("transferId", transferId, "version", 1));
        assertEquals("FORBIDDEN", outgoingAccepts.errorCode(), outgoingAccepts::toString);
        Result stale = post("baicheng", ACCEPT, Map.of("transferId", transferId, "version", 0));
        assertEquals("CONFLICT", stale.errorCode(), stale::toString);
        Result accepted = post("baicheng", ACCEPT, Map.of("transferId", transferId, "version", 1));
        assertFalse(accepted.hasErrors(), accepted::toString);
        assertEquals("ACTIVE", accepted.data("acceptTransfer.status"));
        assertEquals("22080212", String.valueOf(accepted.<Object>data("acceptTransfer.unionId")));
        assertEquals("2016-05-10", accepted.data("acceptTransfer.joinedOn"));
        assertEquals("GH000000000002", accepted.data("acceptTransfer.cardNumber"));

        assertEquals("ACTIVE/41030611,TRANSFERRING/41030611,ACTIVE/22080212", DemoData.queryString(dataSource,
                "select string_agg(to_status || '/' || union_id, ',' order by id) from membership_event where membership_id = 2"));
        assertEquals("ACCEPTED", DemoData.queryString(dataSource, "select status from membership_transfer where membership_id = 2"));
        Result gone = GraphQLClient.post(token("heyang-baoan"), "{ member(id: 2) { id } }");
        assertEquals("NOT_FOUND", gone.errorCode(), gone::toString);
    }

    @Test
    void eitherSideCancelsBeforeAcceptanceAndTheMemberReturnsToTheirStatus() {
        Result released = post("heyang-baoan", RELEASE, Map.of("id", 4, "version", 0, "toUnionId", 41030612));
        assertFalse(released.hasErrors(), released::toString);
        Object transferId = released.data("releaseMember.id");
        Result noReason = post("shunda", CANCEL, Map.of("transferId", transferId, "version", 1));
        assertEquals("VALIDATION", noReason.errorCode(), noReason::toString);
        Result cancelled = post("shunda", CANCEL, Map.of("transferId", transferId, "version", 1, "reason", "本人未到岗"));
        assertFalse(cancelled.hasErrors(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.data("cancelTransfer.status"));
        // the receiving side no longer sees the member once the transfer is cancelled
        assertNull(cancelled.data("cancelTransfer.member"), cancelled::toString);
        Result back = GraphQLClient.post(token("heyang-baoan"), "{ member(id: 4) { status unionId } }");
        assertEquals("RETAINED", back.data("member.status"), back::toString);
        assertEquals("41030611", String.valueOf(back.<Object>data("member.unionId")));
        Result late = post("shunda", ACCEPT, Map.of("transferId", transferId, "version", 2));
        assertEquals("CONFLICT", late.errorCode(), late::toString);

        Result again = post("heyang-baoan", RELEASE, Map.of("id", 4, "version", 2, "toUnionId", 41030612));
        Result outgoingCancels = post("heyang-baoan", CANCEL, Map.of("transferId", again.data("releaseMember.id"), "version", 3, "reason", "调动取消"));
        assertEquals("RETAINED", outgoingCancels.data("cancelTransfer.member.status"), outgoingCancels::toString);
        assertEquals(2, DemoData.queryLong(dataSource, "select count(*) from membership_transfer where membership_id = 4 and status = 'CANCELLED'"));
    }

    @Test
    void statusChangesNeedAReasonAndFollowTheAllowedTransitions() {
        Result noReason = post("heyang-baoan", CHANGE, Map.of("id", 1, "version", 0, "status", "RETAINED", "reason", ""));
        assertEquals("VALIDATION", noReason.errorCode(), noReason::toString);
        Result retained = post("heyang-baoan", CHANGE, Map.of("id", 1, "version", 0, "status", "RETAINED", "reason", "退休"));
        assertEquals("RETAINED", retained.data("changeMemberStatus.status"), retained::toString);
        Result back = post("heyang-baoan", CHANGE, Map.of("id", 1, "version", 1, "status", "ACTIVE", "reason", "返聘"));
        assertEquals("ACTIVE", back.data("changeMemberStatus.status"), back::toString);
        Result withdrawn = post("heyang-baoan", CHANGE, Map.of("id", 1, "version", 2, "status", "WITHDRAWN", "reason", "本人申请退会"));
        assertEquals("WITHDRAWN", withdrawn.data("changeMemberStatus.status"), withdrawn::toString);
        Result afterEnd = post("heyang-baoan", CHANGE, Map.of("id", 1, "version", 3, "status", "ACTIVE", "reason", "x"));
        assertEquals("CONFLICT", afterEnd.errorCode(), afterEnd::toString);
        Result pending = post("heyang-baoan", CHANGE, Map.of("id", 12, "version", 0, "status", "DECEASED", "reason", "x"));
        assertEquals("CONFLICT", pending.errorCode(), pending::toString);
        Result stale = post("heyang-baoan", CHANGE, Map.of("id", 2, "version", 7, "status", "DECEASED", "reason", "x"));
        assertEquals("CONFLICT", stale.errorCode(), stale::toString);
        assertTrue(stale.errorMessage().startsWith("version"), stale::toString);

        // a withdrawn member may join again: a new membership of the same person
        Map<String, Object> rejoin = with(with(application(41030612), "name", "何强"), "idNumber", MemberRegistryTests.HE_QIANG_ID);
        Result applied = post("shunda", APPLY, rejoin);
        assertFalse(applied.hasErrors(), applied::toString);
        assertNotNull(applied.data("applyForMembership.id"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(distinct person_id) from membership where person_id = 1"));
    }

    @Test
    void updatesChangeTheRecordAndBumpTheVersion() {
        Result updated = post("heyang-baoan", "mutation($input: UpdateMemberInput!) { updateMember(input: $input) { phone occupation keyGroups version } }",
                Map.of("id", 1, "version", 0, "phone", "18612345678", "occupation", "保安队长", "keyGroups", List.of()));
        assertFalse(updated.hasErrors(), updated::toString);
        assertEquals("186****5678", updated.data("updateMember.phone"));
        assertEquals(List.of(), updated.data("updateMember.keyGroups"));
        assertEquals(1, updated.<Integer>data("updateMember.version"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'updateMember' and target_id = 1"));
    }

    @Test
    void anOfficialLinksAPersonsLoginOnce() {
        String link = "mutation($input: LinkMemberLoginInput!) { linkMemberLogin(input: $input) { loginLinked } }";
        Result linked = post("heyang-baoan", link, Map.of("id", 1, "subject", "sub-worker"));
        assertEquals(true, linked.data("linkMemberLogin.loginLinked"), linked::toString);
        Result me = GraphQLClient.post(token("worker"), "{ me { membership { name cardNumber } } }");
        assertEquals("何强", me.data("me.membership.name"), me::toString);
        Result taken = post("shunda", link, Map.of("id", 5, "subject", "sub-worker"));
        assertEquals("CONFLICT", taken.errorCode(), taken::toString);
        Result relink = post("heyang-baoan", link, Map.of("id", 1, "subject", "sub-other"));
        assertEquals("CONFLICT", relink.errorCode(), relink::toString);
    }

    static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(input);
        copy.put(key, value);
        return copy;
    }

    /** Valid ID numbers from their first 17 digits. */
    static final class DemoIds {
        static String valid(String first17) {
            return first17 + IdNumber.checkCharacter(first17);
        }
    }
}
