package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.RecordedNotices;
import org.gonghui.testing.StatementCount;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member's transfer request (转会申请) end to end through GraphQL, checked with our own SQL: who sees
 * it and what of the member, how it ends (released, declined, cancelled, expired), one open request
 * per member also when two arrive at once, and the TRANSFER_STEP notice of every step.
 * The worker's login is linked to demo member 1 何强 of 41030611 河阳保安 (heyang-baoan; 顺达 41030612 is shunda).
 */
@QuarkusTestWithOidc
class TransferRequestTests {

    static final long MEMBER = 1;
    static final String REQUEST = "mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { "
            + "id status fromUnion { id } toUnion { id name } regionCode reason requestedAt expiresAt decidedAt decisionReason } }";
    static final String CANCEL = "mutation($id: ID!, $reason: String) { cancelTransferRequest(id: $id, reason: $reason) { id status decidedAt decisionReason } }";
    static final String DECLINE = "mutation($id: ID!, $reason: String!) { declineTransferRequest(id: $id, reason: $reason) { id status decisionReason decidedBy } }";
    static final String RELEASE = "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id status releasedBy releasedAt requestedAt toUnionId } }";
    static final String ACCEPT = "mutation($input: TransferDecisionInput!) { acceptTransfer(input: $input) { id status unionId } }";
    static final String TRANSFER = "query($id: ID!) { membershipTransfer(id: $id) { id status memberName requestedAt expiresAt "
            + "requester { name cardNumber status } member { id } } }";
    static final String MINE = "{ me { transferRequests { totalCount edges { node { id status toUnion { id } decisionReason } } } } }";

    @Inject
    DataSource dataSource;

    @Inject
    RecordedNotices notices;

    @Inject
    TransferRequestExpiry expiry;

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void linkTheWorkerToMemberOne() {
        DemoData.execute(dataSource, "update person set subject = 'sub-worker' where id = (select person_id from membership where id = " + MEMBER + ")");
        notices.clear();
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result post(String user, String document, Map<String, Object> variables) {
        return GraphQLClient.post(user == null ? null : Tokens.forDemoUser(user), document, variables);
    }

    static Map<String, Object> to(Object unionId) {
        Map<String, Object> input = new HashMap<>();
        input.put("toUnionId", unionId);
        input.put("reason", "工作调动到顺达商贸");
        return Map.of("input", input);
    }

    Object request(Object unionId) {
        Result requested = post("worker", REQUEST, to(unionId));
        assertFalse(requested.hasErrors(), requested::toString);
        return requested.data("requestTransfer.id");
    }

    int version(long member) {
        return (int) DemoData.queryLong(dataSource, "select version from membership where id = " + member);
    }

    String row(Object transferId) {
        return DemoData.queryString(dataSource, "select status || '|' || coalesce(released_by, '-') || '|' || coalesce(decision_reason, '-') "
                + "from membership_transfer where id = " + transferId);
    }

    List<NoticeType> noticeTypes() {
        return notices.of(MEMBER).stream().map(MemberNotice::type).toList();
    }

    @Test
    void aMemberRequestsAMoveAndBothUnionsSeeItButTheReceivingSideSeesOnlyNameCardAndStatus() {
        Result requested = post("worker", REQUEST, to(41030612));
        assertFalse(requested.hasErrors(), requested::toString);
        Object id = requested.data("requestTransfer.id");
        assertEquals("REQUESTED", requested.data("requestTransfer.status"));
        assertEquals("41030611", requested.data("requestTransfer.fromUnion.id"));
        assertEquals("41030612", requested.data("requestTransfer.toUnion.id"));
        assertEquals("工作调动到顺达商贸", requested.data("requestTransfer.reason"));
        assertNull(requested.data("requestTransfer.decidedAt"));
        assertEquals("30", DemoData.queryString(dataSource, "select extract(day from expires_at - requested_at)::int::text from membership_transfer where id = " + id));
        // the member's own record is untouched by a request: same status and version
        assertEquals("ACTIVE|0", DemoData.queryString(dataSource, "select status || '|' || version from membership where id = " + MEMBER));

        Result outgoing = post("heyang-baoan", TRANSFER, Map.of("id", id));
        assertFalse(outgoing.hasErrors(), outgoing::toString);
        assertEquals("何强", outgoing.data("membershipTransfer.requester.name"));
        assertEquals("1", String.valueOf(outgoing.<Object>data("membershipTransfer.member.id")));

        Result receiving = post("shunda", TRANSFER + "", Map.of("id", id));
        assertFalse(receiving.hasErrors(), receiving::toString);
        assertEquals("REQUESTED", receiving.data("membershipTransfer.status"));
        assertEquals("何强", receiving.data("membershipTransfer.requester.name"));
        assertEquals("GH000000000001", receiving.data("membershipTransfer.requester.cardNumber"));
        assertEquals("ACTIVE", receiving.data("membershipTransfer.requester.status"));
        assertNull(receiving.data("membershipTransfer.member"), "the receiving side sees the requester card, not the member record");
        Result memberById = post("shunda", "query($id: ID!) { member(id: $id) { id } }", Map.of("id", MEMBER));
        assertEquals("NOT_FOUND", memberById.errorCode(), memberById::toString);

        Result listed = post("shunda", "{ membershipTransfers(filter: {statuses: [REQUESTED], direction: INCOMING}) { edges { node { id requester { name } } } } }", Map.of());
        assertFalse(listed.hasErrors(), listed::toString);
        assertEquals(List.of(String.valueOf(id)), listed.json().getList("data.membershipTransfers.edges.node.id", String.class));
        assertEquals(List.of("何强"), listed.json().getList("data.membershipTransfers.edges.node.requester.name"));
        Result otherStatuses = post("shunda", "{ membershipTransfers(filter: {statuses: [RELEASED, DECLINED, EXPIRED]}) { edges { node { id } } } }", Map.of());
        assertEquals(List.of(), otherStatuses.json().getList("data.membershipTransfers.edges"), otherStatuses::toString);

        Result unrelated = post("kangle", TRANSFER, Map.of("id", id));
        assertEquals("NOT_FOUND", unrelated.errorCode(), unrelated::toString);

        Result mine = post("worker", MINE, Map.of());
        assertFalse(mine.hasErrors(), mine::toString);
        assertEquals(1, (int) mine.data("me.transferRequests.totalCount"));
        assertEquals(List.of("REQUESTED"), mine.json().getList("data.me.transferRequests.edges.node.status"));

        assertEquals(List.of(NoticeType.TRANSFER_STEP), noticeTypes());
        assertEquals(String.valueOf(id), notices.of(MEMBER).get(0).objectId());
        assertTrue(notices.all().stream().allMatch(RecordedNotices.Recorded::inTransaction), "notices fire inside the step's transaction");
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'requestTransfer' and target_id = " + MEMBER));
    }

    @Test
    void releasingTheRequestTurnsItIntoTheTransferWhichTheReceivingUnionAccepts() {
        Object id = request(41030612);
        Result released = post("heyang-baoan", RELEASE, Map.of("input", Map.of("id", MEMBER, "version", 0, "toUnionId", 41030612)));
        assertFalse(released.hasErrors(), released::toString);
        assertEquals(String.valueOf(id), String.valueOf(released.<Object>data("releaseMember.id")), "the same row: the request became the transfer");
        assertEquals("RELEASED", released.data("releaseMember.status"));
        assertEquals("sub-heyang-baoan", released.data("releaseMember.releasedBy"));
        assertNotNull(released.data("releaseMember.releasedAt"));
        assertNotNull(released.data("releaseMember.requestedAt"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from membership_transfer where membership_id = " + MEMBER));
        assertEquals("TRANSFERRING", DemoData.queryString(dataSource, "select status from membership where id = " + MEMBER));
        // released: the receiving side now sees the member through the transfer rule, and the request card is gone
        Result receiving = post("shunda", TRANSFER, Map.of("id", id));
        assertNull(receiving.data("membershipTransfer.requester"), receiving::toString);
        assertEquals("1", String.valueOf(receiving.<Object>data("membershipTransfer.member.id")));

        Result accepted = post("shunda", ACCEPT, Map.of("input", Map.of("transferId", id, "version", version(MEMBER))));
        assertFalse(accepted.hasErrors(), accepted::toString);
        assertEquals("41030612", accepted.data("acceptTransfer.unionId"));
        Result mine = post("worker", MINE, Map.of());
        assertEquals(List.of("ACCEPTED"), mine.json().getList("data.me.transferRequests.edges.node.status"), mine::toString);
        assertEquals(List.of(NoticeType.TRANSFER_STEP, NoticeType.TRANSFER_STEP, NoticeType.TRANSFER_STEP), noticeTypes(), "requested, released, accepted");
    }

    @Test
    void releasingAMemberElsewhereWhileTheirRequestIsOpenIsConflictAndTheReceivingSideCannotAcceptARequest() {
        Object id = request(41030612);
        Result elsewhere = post("heyang-baoan", RELEASE, Map.of("input", Map.of("id", MEMBER, "version", 0, "toUnionId", 41030621)));
        assertEquals("CONFLICT", elsewhere.errorCode(), elsewhere::toString);
        assertTrue(elsewhere.errorMessage().startsWith("toUnionId:"), elsewhere::toString);
        Result early = post("shunda", ACCEPT, Map.of("input", Map.of("transferId", id, "version", 0)));
        assertEquals("CONFLICT", early.errorCode(), early::toString);
        Result cancelByOfficial = post("heyang-baoan", "mutation($input: TransferDecisionInput!) { cancelTransfer(input: $input) { id } }",
                Map.of("input", Map.of("transferId", id, "version", 0, "reason", "不走了")));
        assertEquals("CONFLICT", cancelByOfficial.errorCode(), cancelByOfficial::toString);
        assertEquals("REQUESTED|-|-", row(id));
    }

    @Test
    void theOutgoingUnionDeclinesWithAReasonAndTheReceivingSideLosesTheMemberThen() {
        Object id = request(41030612);
        for (String bad : new String[] { "", "   ", "拒绝\u0000", "理由\u202E", "\u200B" }) {
            Result refused = post("heyang-baoan", DECLINE, Map.of("id", id, "reason", bad));
            assertEquals("VALIDATION", refused.errorCode(), refused::toString);
            assertTrue(refused.errorMessage().startsWith("reason"), refused::toString);
            assertFalse(refused.body().contains(bad.isBlank() ? "\u0000" : bad), "the refused value is not echoed");
        }
        Result tooLong = post("heyang-baoan", DECLINE, Map.of("id", id, "reason", "长".repeat(501)));
        assertEquals("VALIDATION", tooLong.errorCode(), tooLong::toString);
        Result byReceiving = post("shunda", DECLINE, Map.of("id", id, "reason", "不接收"));
        assertEquals("FORBIDDEN", byReceiving.errorCode(), byReceiving::toString);
        assertEquals("REQUESTED|-|-", row(id));

        Result declined = post("heyang-baoan", DECLINE, Map.of("id", id, "reason", "  岗位暂缺人手，\n请年后再申请  "));
        assertFalse(declined.hasErrors(), declined::toString);
        assertEquals("DECLINED", declined.data("declineTransferRequest.status"));
        assertEquals("岗位暂缺人手，\n请年后再申请", declined.data("declineTransferRequest.decisionReason"), "stored trimmed, as the text rule says");
        Result again = post("heyang-baoan", DECLINE, Map.of("id", id, "reason", "再次拒绝"));
        assertEquals("CONFLICT", again.errorCode(), again::toString);

        Result receiving = post("shunda", TRANSFER, Map.of("id", id));
        assertFalse(receiving.hasErrors(), receiving::toString);
        assertEquals("DECLINED", receiving.data("membershipTransfer.status"));
        assertNull(receiving.data("membershipTransfer.requester"), "visibility ends with the request");
        assertEquals("何强", receiving.data("membershipTransfer.memberName"));
        Result mine = post("worker", MINE, Map.of());
        assertEquals(List.of("岗位暂缺人手，\n请年后再申请"), mine.json().getList("data.me.transferRequests.edges.node.decisionReason"), mine::toString);
        assertEquals(2, notices.of(MEMBER).size());
        assertTrue(notices.of(MEMBER).get(1).textZh().contains("岗位暂缺人手"));

        // a declined request does not block a new one
        request(41030621);
    }

    @Test
    void exactlyOneOfToUnionIdAndRegionCodeAndARegionGoesToItsCommunityUnion() {
        Result both = post("worker", REQUEST, Map.of("input", Map.of("toUnionId", 41030612, "regionCode", "410306")));
        assertEquals("VALIDATION", both.errorCode(), both::toString);
        Result neither = post("worker", REQUEST, Map.of("input", Map.of("reason", "换工作")));
        assertEquals("VALIDATION", neither.errorCode(), neither::toString);
        Result malformed = post("worker", REQUEST, Map.of("input", Map.of("regionCode", "41O306")));
        assertEquals("VALIDATION", malformed.errorCode(), malformed::toString);
        Result noCommunityUnion = post("worker", REQUEST, Map.of("input", Map.of("regionCode", "110105")));
        assertEquals("VALIDATION", noCommunityUnion.errorCode(), noCommunityUnion::toString);
        Result notGrassroots = post("worker", REQUEST, to(410306));
        assertEquals("VALIDATION", notGrassroots.errorCode(), notGrassroots::toString);
        Result missing = post("worker", REQUEST, to(999999999));
        assertEquals("NOT_FOUND", missing.errorCode(), missing::toString);
        Result own = post("worker", REQUEST, to(41030611));
        assertEquals("VALIDATION", own.errorCode(), own::toString);
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from membership_transfer"));
        assertEquals(List.of(), notices.all());

        Result byRegion = post("worker", REQUEST, Map.of("input", Map.of("regionCode", "410306")));
        assertFalse(byRegion.hasErrors(), byRegion::toString);
        assertEquals("41030621", byRegion.data("requestTransfer.toUnion.id"), "吉利区康乐社区工会, the area's community union");
        assertEquals("410306", byRegion.data("requestTransfer.regionCode"));
        Result kangle = post("kangle", TRANSFER, Map.of("id", byRegion.data("requestTransfer.id")));
        assertEquals("何强", kangle.data("membershipTransfer.requester.name"), kangle::toString);
    }

    @Test
    void oneOpenRequestPerMemberAndTheMemberCancelsOnlyTheirOwn() {
        Object id = request(41030612);
        Result second = post("worker", REQUEST, to(41030621));
        assertEquals("CONFLICT", second.errorCode(), second::toString);

        String otherWorker = Tokens.signed(Tokens.token("worker2", List.of("member"), null));
        DemoData.execute(dataSource, "update person set subject = 'sub-worker2' where id = (select person_id from membership where id = 5)");
        Result notTheirs = GraphQLClient.post(otherWorker, CANCEL, Map.of("id", id));
        assertEquals("NOT_FOUND", notTheirs.errorCode(), notTheirs::toString);
        Result theirList = GraphQLClient.post(otherWorker, MINE, Map.of());
        assertEquals(0, (int) theirList.data("me.transferRequests.totalCount"), theirList::toString);

        Result cancelled = post("worker", CANCEL, Map.of("id", id, "reason", "不换了"));
        assertFalse(cancelled.hasErrors(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.data("cancelTransferRequest.status"));
        assertEquals("CANCELLED|-|不换了", row(id));
        Result twice = post("worker", CANCEL, Map.of("id", id));
        assertEquals("CONFLICT", twice.errorCode(), twice::toString);
        request(41030621);
    }

    @Test
    void aMemberWithoutALinkedMembershipCannotRequest() {
        DemoData.execute(dataSource, "update person set subject = null where subject = 'sub-worker'");
        Result refused = post("worker", REQUEST, to(41030612));
        assertEquals("NOT_FOUND", refused.errorCode(), refused::toString);
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from membership_transfer"));
    }

    @Test
    void aRequestNotActedOnIn30DaysExpiresAndTheReceivingSideLosesTheMemberAtOnce() {
        Object id = request(41030612);
        Object other = null;
        // a second member's request, still within its 30 days, must be left alone by the job
        DemoData.execute(dataSource, "update person set subject = 'sub-worker2' where id = (select person_id from membership where id = 2)");
        Result second = GraphQLClient.post(Tokens.signed(Tokens.token("worker2", List.of("member"), null)), REQUEST, to(41030612));
        assertFalse(second.hasErrors(), second::toString);
        other = second.data("requestTransfer.id");
        DemoData.execute(dataSource, "update membership_transfer set requested_at = requested_at - interval '30 days 1 minute', "
                + "expires_at = expires_at - interval '30 days 1 minute' where id = " + id);

        // past its expiry, before the job: visibility and actions already treat it as ended
        Result receiving = post("shunda", TRANSFER, Map.of("id", id));
        assertNull(receiving.data("membershipTransfer.requester"), receiving::toString);
        Result decline = post("heyang-baoan", DECLINE, Map.of("id", id, "reason", "太晚了"));
        assertEquals("CONFLICT", decline.errorCode(), decline::toString);
        Result mine = post("worker", MINE, Map.of());
        assertEquals(List.of("EXPIRED"), mine.json().getList("data.me.transferRequests.edges.node.status"), mine::toString);

        notices.clear();
        assertEquals(1, expiry.expireDue());
        assertEquals("EXPIRED|-|-", row(id));
        assertEquals("REQUESTED|-|-", row(other));
        assertEquals(List.of(NoticeType.TRANSFER_STEP), noticeTypes());
        assertEquals(0, expiry.expireDue(), "nothing left to expire");
        assertEquals("system:transfer-request-expiry|system|41030611|{\"transferStatus\": {\"after\": \"EXPIRED\", \"before\": \"REQUESTED\"}}",
                DemoData.queryString(dataSource, "select actor_subject || '|' || actor_role || '|' || target_union_id || '|' || changes::text "
                        + "from audit_event where operation = 'expireTransferRequest' and target_id = " + MEMBER),
                "the job's expiry is audited with the system as actor");
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'expireTransferRequest'"));
        Result expired = post("shunda", "{ membershipTransfers(filter: {statuses: [EXPIRED]}) { edges { node { id requester { name } } } } }", Map.of());
        assertEquals(List.of(String.valueOf(id)), expired.json().getList("data.membershipTransfers.edges.node.id", String.class), expired::toString);
        request(41030621);
    }

    static final String CHANGE_STATUS = "mutation($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { id status } }";
    static final String DISSOLVE = "mutation($input: DissolveUnionInput!) { dissolveUnion(input: $input) { id status } }";

    @Test
    void aRequestEndsCancelledInTheTransactionThatWithdrawsTheMembership() {
        Object id = request(41030612);
        notices.clear();
        Result withdrawn = post("heyang-baoan", CHANGE_STATUS, Map.of("input", Map.of("id", MEMBER, "version", version(MEMBER), "status", "WITHDRAWN", "reason", "本人申请退会")));
        assertFalse(withdrawn.hasErrors(), withdrawn::toString);
        assertEquals("CANCELLED|-|会籍已终止 (membership WITHDRAWN)", row(id));
        assertEquals("sub-heyang-baoan", DemoData.queryString(dataSource, "select decided_by from membership_transfer where id = " + id));
        Result receiving = post("shunda", TRANSFER, Map.of("id", id));
        assertEquals("CANCELLED", receiving.data("membershipTransfer.status"), receiving::toString);
        assertNull(receiving.data("membershipTransfer.requester"), "the receiving side loses the requester card with the membership");
        Result release = post("heyang-baoan", RELEASE, Map.of("input", Map.of("id", MEMBER, "version", version(MEMBER), "toUnionId", 41030612)));
        assertEquals("CONFLICT", release.errorCode(), release::toString);
        assertEquals(List.of(NoticeType.TRANSFER_STEP), noticeTypes(), "the member is told the request ended");
        assertEquals(String.valueOf(id), notices.of(MEMBER).get(0).objectId());
        assertEquals("{\"transferStatus\": {\"after\": \"CANCELLED\", \"before\": \"REQUESTED\"}}|sub-heyang-baoan", DemoData.queryString(dataSource,
                "select changes::text || '|' || actor_subject from audit_event where operation = 'endTransfer' and target_id = " + MEMBER));
    }

    @Test
    void aDeceasedMembersRequestEndsAndARefusedStatusChangeLeavesItOpen() {
        Object id = request(41030612);
        Result stale = post("heyang-baoan", CHANGE_STATUS, Map.of("input", Map.of("id", MEMBER, "version", version(MEMBER) + 1, "status", "DECEASED", "reason", "病故")));
        assertEquals("CONFLICT", stale.errorCode(), stale::toString);
        assertEquals("REQUESTED|-|-", row(id), "a refused change ends nothing");
        Result deceased = post("heyang-baoan", CHANGE_STATUS, Map.of("input", Map.of("id", MEMBER, "version", version(MEMBER), "status", "DECEASED", "reason", "病故")));
        assertFalse(deceased.hasErrors(), deceased::toString);
        assertEquals("CANCELLED|-|会籍已终止 (membership DECEASED)", row(id));
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from membership_transfer where status in ('REQUESTED', 'RELEASED')"));
    }

    @Test
    void dissolvingTheReceivingUnionEndsRequestsAndReleasedTransfersIntoItButNotThoseOutOfIt() {
        Object requested = request(41030612);
        Result released = post("heyang-baoan", RELEASE, Map.of("input", Map.of("id", 2, "version", version(2), "toUnionId", 41030612, "reason", "调岗")));
        assertFalse(released.hasErrors(), released::toString);
        Object transfer = released.data("releaseMember.id");
        // 刘洋 (member 5) of 顺达商贸 asks to leave it: a request out of the union being dissolved
        DemoData.execute(dataSource, "update person set subject = 'sub-worker2' where id = (select person_id from membership where id = 5)");
        Result out = GraphQLClient.post(Tokens.signed(Tokens.token("worker2", List.of("member"), null)), REQUEST, to(41030611));
        assertFalse(out.hasErrors(), out::toString);
        Object outgoing = out.data("requestTransfer.id");
        notices.clear();

        int unionVersion = (int) DemoData.queryLong(dataSource, "select version from trade_union where id = 41030612");
        Result dissolved = post("heyang", DISSOLVE, Map.of("input", Map.of("id", 41030612, "version", unionVersion, "reason", "企业注销")));
        assertFalse(dissolved.hasErrors(), dissolved::toString);
        assertEquals("CANCELLED|-|转入工会已撤销 (the receiving union 41030612 was dissolved)", row(requested));
        assertEquals("CANCELLED|sub-heyang-baoan|转入工会已撤销 (the receiving union 41030612 was dissolved)", row(transfer));
        assertEquals("ACTIVE", DemoData.queryString(dataSource, "select status from membership where id = 2"), "a released member gets their status back");
        assertEquals("REQUESTED|-|-", row(outgoing), "the union above can still release a member out of the dissolved union");
        assertEquals(List.of(NoticeType.TRANSFER_STEP), noticeTypes());
        assertEquals(List.of(NoticeType.TRANSFER_STEP), notices.of(2).stream().map(MemberNotice::type).toList());
        assertEquals(2, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'endTransfer' and actor_subject = 'sub-heyang'"));
        Result accept = post("heyang", ACCEPT, Map.of("input", Map.of("transferId", transfer, "version", version(2))));
        assertEquals("CONFLICT", accept.errorCode(), accept::toString);
    }

    @Test
    void anOverdueRequestDoesNotBlockANewOneBeforeTheJobRuns() {
        Object id = request(41030612);
        DemoData.execute(dataSource, "update membership_transfer set requested_at = requested_at - interval '31 days', expires_at = expires_at - interval '31 days' where id = " + id);
        notices.clear();
        Object next = request(41030621);
        assertEquals("EXPIRED|-|-", row(id));
        assertEquals("REQUESTED|-|-", row(next));
        assertEquals(List.of(NoticeType.TRANSFER_STEP, NoticeType.TRANSFER_STEP), noticeTypes(), "expired, then requested");
    }

    /**
     * Two requests of one member at once: the test holds a lock on the member's row that lets both read
     * but stops both at their insert (its foreign key check); exactly one lands, the other is CONFLICT. 20 rounds.
     */
    @Test
    void ofTwoRequestsAtOnceExactlyOneLands() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                DemoData.execute(dataSource, "delete from audit_event where operation = 'requestTransfer'");
                DemoData.execute(dataSource, "delete from membership_transfer");
                Result[] results = new Result[2];
                try (Connection barrier = dataSource.getConnection()) {
                    barrier.setAutoCommit(false);
                    try (PreparedStatement lock = barrier.prepareStatement("select 1 from membership where id = ? for update")) {
                        lock.setLong(1, MEMBER);
                        lock.executeQuery().close();
                    }
                    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> results[0] = post("worker", REQUEST, to(41030612)), pool);
                    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> results[1] = post("worker", REQUEST, to(41030621)), pool);
                    DemoData.awaitWaitingWriters(dataSource, 2);
                    barrier.rollback();
                    a.get(30, TimeUnit.SECONDS);
                    b.get(30, TimeUnit.SECONDS);
                }
                List<Result> won = new ArrayList<>();
                List<Result> lost = new ArrayList<>();
                for (Result r : results) {
                    (r.hasErrors() ? lost : won).add(r);
                }
                assertEquals(1, won.size(), () -> List.of(results).toString());
                assertEquals("CONFLICT", lost.get(0).errorCode(), lost.get(0)::toString);
                assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from membership_transfer where membership_id = " + MEMBER));
                assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'requestTransfer'"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The requester card costs two statements per page whatever its size (which requests are open and
     * seen; their members), on top of the page without it; membershipTransfers' own count is unchanged
     * (TransferStatementCountTests).
     */
    @Test
    void aPageOfRequestsWithTheirRequesterCardsTakesAFixedNumberOfStatements() {
        for (long member : new long[] { 1, 2, 3 }) {
            DemoData.execute(dataSource, """
                    insert into membership_transfer (membership_id, person_hash, member_name, from_union_id, to_union_id, previous_status, status,
                                                     requested_by, requested_at, expires_at)
                    select id, person_hash, name, union_id, 41030612, status, 'REQUESTED', 'sub-member', now(), now() + interval '30 days'
                      from membership where id = %d""".formatted(member));
        }
        String token = Tokens.forDemoUser("shunda");
        String without = "query($first: Int) { membershipTransfers(filter: {statuses: [REQUESTED]}, first: $first) { edges { node { id memberName } } } }";
        String with = "query($first: Int) { membershipTransfers(filter: {statuses: [REQUESTED]}, first: $first) { edges { node { id memberName "
                + "requester { name cardNumber status } } } } }";
        String edges = "data.membershipTransfers.edges";
        long base = StatementCount.of(sessionFactory, token, without, Map.of("first", 1), 1, edges).statements();
        long one = StatementCount.of(sessionFactory, token, with, Map.of("first", 1), 1, edges).statements();
        StatementCount.Counted three = StatementCount.of(sessionFactory, token, with, Map.of("first", 3), 3, edges);
        assertEquals(base + 2, one);
        assertEquals(one, three.statements());
        assertEquals(List.of("何强", "李娜", "王伟"), three.result().json().getList(edges + ".node.requester.name").stream().sorted().toList());
    }
}
