package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;

import io.restassured.path.json.JsonPath;

/**
 * A member's requests (issue 15, part D) × who asks: the member themselves, a member acting on another
 * member's request, officials of the outgoing union (and above it), of the receiving union, of unrelated
 * unions, and anonymous callers. Each cell states OK or the exact code; a refusal leaves the database
 * unchanged ({@link AuthorizationMatrix}). The fixture: the demo member login ("worker") is linked to
 * member 1 何强 of 41030611 河阳保安; member 2 李娜 of the same union has an open request to 41030612 顺达商贸
 * and a hardship file. The login's subject is read from its token, so the matrix also runs against a real Keycloak.
 */
@QuarkusTestWithOidc
class MemberRequestsAuthorizationMatrixTests
        extends AuthorizationMatrix<MemberRequestsAuthorizationMatrixTests.Operation, MemberRequestsAuthorizationMatrixTests.Target> {

    enum Operation {
        REQUEST_TRANSFER, CANCEL_REQUEST, DECLINE_REQUEST, RELEASE_REQUEST, VIEW_REQUEST, MY_REQUESTS, APPLY_HARDSHIP, MY_HARDSHIP
    }

    /** What a cell acts on: the member's own (membership, request, files) or member 2's open request. */
    enum Target {
        OWN, MEMBER_2_REQUEST
    }

    static final String OUTGOING = "heyang-baoan";
    static final String RECEIVING = "shunda";

    @Override
    protected List<Cell<Operation, Target>> cells() {
        List<Cell<Operation, Target>> cells = new ArrayList<>();
        // the member's own operations
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.REQUEST_TRANSFER, Target.OWN, OK));
        cells.add(check(MEMBER, Relation.MEMBER, Operation.CANCEL_REQUEST, Target.OWN, OK, this::theMemberCancelsTheirOwnRequest));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.MY_REQUESTS, Target.OWN, OK));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.APPLY_HARDSHIP, Target.OWN, OK));
        cells.add(cell(MEMBER, Relation.MEMBER, Operation.MY_HARDSHIP, Target.OWN, OK));
        for (Operation operation : List.of(Operation.REQUEST_TRANSFER, Operation.APPLY_HARDSHIP)) {
            cells.add(check(MEMBER + " (no linked membership)", Relation.MEMBER, operation, Target.OWN, NOT_FOUND,
                    () -> aLoginWithoutMembershipIsRefused(operation)));
        }
        // a member on another member's request: not theirs to see or touch
        cells.add(cell(MEMBER, Relation.ANOTHER_MEMBER, Operation.CANCEL_REQUEST, Target.MEMBER_2_REQUEST, NOT_FOUND));
        cells.add(cell(MEMBER, Relation.ANOTHER_MEMBER, Operation.DECLINE_REQUEST, Target.MEMBER_2_REQUEST, FORBIDDEN));
        cells.add(cell(MEMBER, Relation.ANOTHER_MEMBER, Operation.RELEASE_REQUEST, Target.MEMBER_2_REQUEST, FORBIDDEN));
        cells.add(cell(MEMBER, Relation.ANOTHER_MEMBER, Operation.VIEW_REQUEST, Target.MEMBER_2_REQUEST, FORBIDDEN));

        // officials on member 2's request: outgoing side and above decide, the receiving side looks, others see nothing
        record Side(String official, Relation relation, String decline, String release, String view) {
        }
        for (Side side : List.of(
                new Side(OUTGOING, Relation.OWN, OK, OK, OK),
                new Side("heyang", Relation.PARENT, OK, OK, OK),
                new Side("jili", Relation.ANCESTOR, OK, OK, OK),
                new Side(RECEIVING, Relation.RECEIVING, FORBIDDEN, NOT_FOUND, OK),
                new Side("kangle", Relation.SIBLING, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Side("ruyang", Relation.OUTSIDE, NOT_FOUND, NOT_FOUND, NOT_FOUND),
                new Side("baicheng", Relation.OUTSIDE, NOT_FOUND, NOT_FOUND, NOT_FOUND))) {
            cells.add(cell(side.official(), side.relation(), Operation.DECLINE_REQUEST, Target.MEMBER_2_REQUEST, side.decline()));
            cells.add(cell(side.official(), side.relation(), Operation.RELEASE_REQUEST, Target.MEMBER_2_REQUEST, side.release()));
            cells.add(cell(side.official(), side.relation(), Operation.VIEW_REQUEST, Target.MEMBER_2_REQUEST, side.view()));
        }
        // the member's own operations are members' only; officials' own lists are theirs (empty: their logins hold no membership)
        for (String official : List.of(OUTGOING, RECEIVING, "kangle", "baicheng")) {
            Relation relation = official.equals(OUTGOING) ? Relation.OWN : official.equals(RECEIVING) ? Relation.RECEIVING : Relation.OUTSIDE;
            cells.add(cell(official, relation, Operation.REQUEST_TRANSFER, Target.OWN, FORBIDDEN));
            cells.add(cell(official, relation, Operation.CANCEL_REQUEST, Target.MEMBER_2_REQUEST, FORBIDDEN));
            cells.add(cell(official, relation, Operation.APPLY_HARDSHIP, Target.OWN, FORBIDDEN));
            cells.add(cell(official, relation, Operation.MY_REQUESTS, Target.OWN, OK));
            cells.add(cell(official, relation, Operation.MY_HARDSHIP, Target.OWN, OK));
        }
        for (Operation operation : Operation.values()) {
            cells.add(cell(null, Relation.ANONYMOUS, operation, operation == Operation.REQUEST_TRANSFER || operation == Operation.APPLY_HARDSHIP
                    || operation == Operation.MY_REQUESTS || operation == Operation.MY_HARDSHIP ? Target.OWN : Target.MEMBER_2_REQUEST, UNAUTHENTICATED));
        }
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return switch (operation) {
            case REQUEST_TRANSFER, CANCEL_REQUEST, DECLINE_REQUEST, RELEASE_REQUEST, APPLY_HARDSHIP -> true;
            case VIEW_REQUEST, MY_REQUESTS, MY_HARDSHIP -> false;
        };
    }

    /** The subject the token of a login carries (a real Keycloak's is a UUID). */
    static String subjectOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }

    @Override
    protected void fixtures() {
        String subject = subjectOf(token(MEMBER)).replace("'", "''");
        DemoData.execute(dataSource(), "update person set subject = '" + subject + "' where id = (select person_id from membership where id = 1)"
                + " and subject is distinct from '" + subject + "'");
        DemoData.execute(dataSource(), """
                insert into membership_transfer (membership_id, person_hash, member_name, from_union_id, to_union_id, previous_status, status,
                                                 reason, requested_by, requested_at, expires_at)
                select m.id, m.person_hash, m.name, m.union_id, 41030612, m.status, 'REQUESTED', '工作调动', 'sub-member-2', now(), now() + interval '30 days'
                  from membership m where m.id = 2 and m.status = 'ACTIVE'
                   and not exists (select 1 from membership_transfer t where t.membership_id = 2)""");
        if (DemoData.queryLong(dataSource(), "select count(*) from hardship_file where membership_id = 2") == 0) {
            Result opened = GraphQLClient.post(token(OUTGOING), "mutation($input: OpenHardshipFileInput!) { openHardshipFile(input: $input) { id } }",
                    Map.of("input", Map.of("memberId", 2, "level", "SEVERE", "reasons", List.of("ILLNESS"), "householdSize", 3, "monthlyIncomeYuan", "1500")));
            assertFalse(opened.hasErrors(), opened::toString);
        }
    }

    static long requestOfMember2() {
        return DemoData.queryLong(dataSource(), "select id from membership_transfer where membership_id = 2 order by id desc limit 1");
    }

    static final String REQUEST = "mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { id status } }";
    static final String APPLY = "mutation($input: ApplyForHardshipAidInput!) { applyForHardshipAid(input: $input) { id status } }";

    @Override
    protected Call call(String token, Operation operation, Target target) {
        long request = requestOfMember2();
        return switch (operation) {
            case REQUEST_TRANSFER -> graphql(token, "requestTransfer", REQUEST, Map.of("input", Map.of("toUnionId", 41030612, "reason", "工作调动")));
            case CANCEL_REQUEST -> graphql(token, "cancelTransferRequest", "mutation($id: ID!) { cancelTransferRequest(id: $id) { id status } }",
                    Map.of("id", request));
            case DECLINE_REQUEST -> graphql(token, "declineTransferRequest",
                    "mutation($id: ID!, $reason: String!) { declineTransferRequest(id: $id, reason: $reason) { id status } }",
                    Map.of("id", request, "reason", "岗位暂缺人手"));
            case RELEASE_REQUEST -> graphql(token, "releaseMember", "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id status } }",
                    Map.of("input", Map.of("id", 2, "version", (int) DemoData.queryLong(dataSource(), "select version from membership where id = 2"),
                            "toUnionId", 41030612)));
            case VIEW_REQUEST -> graphql(token, "membershipTransfer",
                    "query($id: ID!) { membershipTransfer(id: $id) { id status requester { name cardNumber status } member { id } } }", Map.of("id", request));
            case MY_REQUESTS -> graphql(token, "me", "{ me { transferRequests { totalCount edges { node { id } } } } }", Map.of());
            case APPLY_HARDSHIP -> graphql(token, "applyForHardshipAid", APPLY, Map.of("input", Map.of("level", "GENERAL", "reasons", List.of("LOW_INCOME"),
                    "householdSize", 2, "monthlyIncomeYuan", "1800.00")));
            case MY_HARDSHIP -> graphql(token, "me", "{ me { hardshipFiles { totalCount edges { node { id status } } } } }", Map.of());
        };
    }

    @Override
    protected void assertAllowed(Cell<Operation, Target> cell, Result result, String before) {
        switch (cell.operation()) {
            case VIEW_REQUEST -> {
                // both sides see who asks while the request is open; only the outgoing side sees the member record
                assertEquals("李娜", result.data("membershipTransfer.requester.name"), result::toString);
                if (cell.relation() == Relation.RECEIVING) {
                    assertNull(result.data("membershipTransfer.member"), result::toString);
                } else {
                    assertNotNull(result.data("membershipTransfer.member"), result::toString);
                }
            }
            case MY_REQUESTS -> {
                // member 2's request is never among the caller's
                assertEquals(0, (int) result.data("me.transferRequests.totalCount"), result::toString);
                assertEquals(List.of(), result.json().getList("data.me.transferRequests.edges"), result::toString);
            }
            case MY_HARDSHIP -> {
                assertEquals(0, (int) result.data("me.hardshipFiles.totalCount"), result::toString);
                assertEquals(List.of(), result.json().getList("data.me.hardshipFiles.edges"), result::toString);
            }
            case DECLINE_REQUEST -> assertEquals("DECLINED", result.data("declineTransferRequest.status"));
            case RELEASE_REQUEST -> assertEquals(String.valueOf(requestOfMember2()), String.valueOf(result.<Object>data("releaseMember.id")),
                    "the request became the transfer");
            case REQUEST_TRANSFER, CANCEL_REQUEST, APPLY_HARDSHIP -> assertEquals(List.of(), result.errors());
        }
    }

    /** The member cancels the request they made: OK, and the request is CANCELLED (their own request first comes from the API). */
    void theMemberCancelsTheirOwnRequest() {
        try {
            fixtures();
            Result requested = GraphQLClient.post(token(MEMBER), REQUEST, Map.of("input", Map.of("toUnionId", 41030621)));
            assertFalse(requested.hasErrors(), requested::toString);
            Object id = requested.data("requestTransfer.id");
            Result cancelled = GraphQLClient.post(token(MEMBER), "mutation($id: ID!) { cancelTransferRequest(id: $id) { id status } }", Map.of("id", id));
            assertFalse(cancelled.hasErrors(), cancelled::toString);
            assertEquals("CANCELLED", cancelled.data("cancelTransferRequest.status"));
            assertEquals("CANCELLED", DemoData.queryString(dataSource(), "select status from membership_transfer where id = " + id));
        } finally {
            restore();
        }
    }

    /** The member login linked to no membership: NOT_FOUND, nothing written. */
    void aLoginWithoutMembershipIsRefused(Operation operation) {
        try {
            fixtures();
            DemoData.execute(dataSource(), "update person set subject = null where id = (select person_id from membership where id = 1)");
            String before = fingerprint();
            Call call = call(token(MEMBER), operation, Target.OWN);
            assertEquals(NOT_FOUND, call.result().errorCode(), call.result()::toString);
            assertNull(call.result().json().get(call.root()), call.result()::toString);
            assertEquals(before, fingerprint(), "database changed although the operation was refused");
        } finally {
            restore();
        }
    }
}
