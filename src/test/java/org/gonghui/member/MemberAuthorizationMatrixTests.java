package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;


/**
 * Every official tier × {a member inside the subtree, one outside it} × every member operation, plus
 * members, anonymous callers and the former parties of a transfer. Each cell states its outcome: OK,
 * or the exact error code, in which case the root field is null and nothing in the database changed
 * ({@link AuthorizationMatrix}).
 */
@QuarkusTestWithOidc
class MemberAuthorizationMatrixTests extends AuthorizationMatrix<MemberAuthorizationMatrixTests.Operation, MemberAuthorizationMatrixTests.Target> {

    static final AtomicInteger NEXT_PERSON = new AtomicInteger(100);

    enum Operation {
        MEMBER, SEARCH, APPLY, APPROVE, UPDATE, CHANGE_STATUS, RELEASE, REVEAL, LINK_LOGIN, TRANSFER_ENDED
    }

    static final Operation[] OPERATIONS = { Operation.MEMBER, Operation.SEARCH, Operation.APPLY, Operation.APPROVE, Operation.UPDATE,
            Operation.CHANGE_STATUS, Operation.RELEASE, Operation.REVEAL, Operation.LINK_LOGIN };

    /** A demo member with their union and pending application in that union's area, and where a release sends them. */
    record Target(long member, long union, long pending, long releaseTo) {
    }

    static final Target HENAN = new Target(1, 41030611, 12, 41030612);
    static final Target JILIN = new Target(10, 22080211, 14, 22080212);

    /** A demo official, the member they act on inside their subtree, one outside it (null: none), and whether they may reveal the inside one. */
    record Official(String username, Target inside, Target outside, boolean mayReveal) {
        Target target(Relation relation) {
            return relation == Relation.INSIDE ? inside : outside;
        }
    }

    // Member 1 何强 belongs to 41030611 河阳保安 under 4103061 河阳街道; member 10 吴刚 to 22080211 under 白城 (2208).
    static final List<Official> OFFICIALS = List.of(
            new Official("quanzong", HENAN, null, false),
            new Official("henan", HENAN, JILIN, false),
            new Official("luoyang", HENAN, JILIN, false),
            new Official("jili", HENAN, JILIN, false),
            new Official("heyang", HENAN, new Target(7, 41030621, 14, 41030612), true),
            new Official("heyang-baoan", HENAN, new Target(5, 41030612, 14, 41030611), true),
            new Official("baicheng", JILIN, HENAN, false));

    @Override
    protected List<Cell<Operation, Target>> cells() {
        List<Cell<Operation, Target>> cells = new ArrayList<>();
        for (Official official : OFFICIALS) {
            for (Relation relation : List.of(Relation.INSIDE, Relation.OUTSIDE)) {
                if (official.target(relation) == null) {
                    continue;
                }
                for (Operation operation : OPERATIONS) {
                    String expected = relation == Relation.OUTSIDE ? NOT_FOUND
                            : operation == Operation.REVEAL && !official.mayReveal() ? FORBIDDEN : OK;
                    cells.add(cell(official.username(), relation, operation, official.target(relation), expected));
                }
            }
        }
        // A member may apply for themselves (MembershipWorkflowTests); here they apply for someone else's union, which is allowed too.
        cells.addAll(memberAndAnonymous(OPERATIONS, HENAN, List.of(Operation.APPLY)));
        for (Outcome outcome : Outcome.values()) {
            for (Party party : Party.values()) {
                boolean sees = party == Party.ABOVE_BOTH || (outcome == Outcome.ACCEPTED ? party == Party.RECEIVING : party == Party.OUTGOING);
                cells.add(check(outcome + " transfer, " + party, Relation.FORMER_PARTY, Operation.TRANSFER_ENDED, null, sees ? OK : NOT_FOUND,
                        () -> formerPartiesOfATransferSeeItsMemberOnlyWhereMemberByIdDoes(outcome, party, sees)));
            }
        }
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation != Operation.MEMBER && operation != Operation.SEARCH;
    }

    /** How a transfer ended, and which side of it looks afterwards. */
    enum Outcome {
        ACCEPTED, CANCELLED
    }

    enum Party {
        OUTGOING, RECEIVING, ABOVE_BOTH
    }

    /**
     * The relation "former party of a transfer": after a transfer of member 4 from 41030611 (heyang-baoan)
     * to 41030612 (shunda) ends, its {@code member} field answers exactly as {@code member(id)} does for
     * the same caller (null where that is NOT_FOUND), while {@code memberName} still says who moved.
     */
    void formerPartiesOfATransferSeeItsMemberOnlyWhereMemberByIdDoes(Outcome outcome, Party party, boolean sees) {
        try {
            Result released = GraphQLClient.post(token("heyang-baoan"),
                    "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id memberName } }",
                    Map.of("input", Map.of("id", 4, "version", 0, "toUnionId", 41030612)));
            assertFalse(released.hasErrors(), released::toString);
            Object transferId = released.data("releaseMember.id");
            String name = DemoData.queryString(dataSource(), "select name from membership where id = 4");
            assertEquals(name, released.data("releaseMember.memberName"));
            Result decided = outcome == Outcome.ACCEPTED
                    ? GraphQLClient.post(token("shunda"), "mutation($input: TransferDecisionInput!) { acceptTransfer(input: $input) { id } }",
                            Map.of("input", Map.of("transferId", transferId, "version", 1)))
                    : GraphQLClient.post(token("shunda"), "mutation($input: TransferDecisionInput!) { cancelTransfer(input: $input) { id } }",
                            Map.of("input", Map.of("transferId", transferId, "version", 1, "reason", "本人未到岗")));
            assertFalse(decided.hasErrors(), decided::toString);

            String caller = switch (party) {
                case OUTGOING -> "heyang-baoan";
                case RECEIVING -> "shunda";
                case ABOVE_BOTH -> "heyang";
            };
            Result result = GraphQLClient.post(token(caller), """
                    query($t: ID!, $m: ID!) {
                      membershipTransfer(id: $t) { id memberName member { id name employerName history { edges { node { toStatus } } } } }
                      membershipTransfers { edges { node { id memberName member { id } } } }
                      member(id: $m) { id }
                    }""", Map.of("t", transferId, "m", 4));
            assertEquals(200, result.status(), result::toString);
            assertEquals(name, result.data("membershipTransfer.memberName"), result::toString);
            assertEquals(List.of(name), result.json().getList("data.membershipTransfers.edges.node.memberName"), result::toString);
            if (sees) {
                assertFalse(result.hasErrors(), result::toString);
                assertEquals("4", String.valueOf(result.<Object>data("member.id")));
                assertEquals("4", String.valueOf(result.<Object>data("membershipTransfer.member.id")));
                assertEquals(List.of("4"), result.json().getList("data.membershipTransfers.edges.node.member.id", String.class));
            } else {
                assertEquals(NOT_FOUND, result.errorCode(), result::toString);
                assertEquals(List.of("member"), result.errors().get(0).get("path"), result::toString);
                assertNull(result.data("member"), result::toString);
                assertNotNull(result.data("membershipTransfer"), result::toString);
                assertNull(result.data("membershipTransfer.member"), result::toString);
                assertEquals(Collections.singletonList(null), result.json().getList("data.membershipTransfers.edges.node.member"),
                        result::toString);
            }
        } finally {
            restore();
        }
    }

    @Override
    protected Call call(String token, Operation operation, Target target) {
        int version = (int) DemoData.queryLong(dataSource(), "select version from membership where id = " + target.member());
        int pendingVersion = (int) DemoData.queryLong(dataSource(), "select version from membership where id = " + target.pending());
        String first17 = "110105199001" + String.format("%04d", NEXT_PERSON.incrementAndGet()) + "1";
        return switch (operation) {
            case MEMBER -> graphql(token, "member", "query($id: ID!) { member(id: $id) { id idNumber } }", Map.of("id", target.member()));
            case SEARCH -> graphql(token, "members", "query($union: ID!) { members(filter: {unionId: $union}) { totalCount edges { node { id } } } }",
                    Map.of("union", target.union()));
            case APPLY -> graphql(token, "applyForMembership", "mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id } }",
                    Map.of("input", Map.of("unionId", target.union(), "name", "测试人", "idNumber", first17 + IdNumber.checkCharacter(first17))));
            case APPROVE -> graphql(token, "approveApplication", "mutation($input: MemberDecisionInput!) { approveApplication(input: $input) { id } }",
                    Map.of("input", Map.of("id", target.pending(), "version", pendingVersion)));
            case UPDATE -> graphql(token, "updateMember", "mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }",
                    Map.of("input", Map.of("id", target.member(), "version", version, "occupation", "班组长")));
            case CHANGE_STATUS -> graphql(token, "changeMemberStatus",
                    "mutation($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { id } }",
                    Map.of("input", Map.of("id", target.member(), "version", version, "status", "RETAINED", "reason", "退休")));
            case RELEASE -> graphql(token, "releaseMember", "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id } }",
                    Map.of("input", Map.of("id", target.member(), "version", version, "toUnionId", target.releaseTo())));
            case REVEAL -> graphql(token, "revealMemberPersonalData",
                    "mutation($input: RevealPersonalDataInput!) { revealMemberPersonalData(input: $input) { value } }",
                    Map.of("input", Map.of("id", target.member(), "field", "ID_NUMBER", "reason", "核对身份")));
            case LINK_LOGIN -> graphql(token, "linkMemberLogin", "mutation($input: LinkMemberLoginInput!) { linkMemberLogin(input: $input) { id } }",
                    Map.of("input", Map.of("id", target.member(), "subject", "sub-matrix-" + first17)));
            case TRANSFER_ENDED -> throw new IllegalArgumentException("a check of its own");
        };
    }
}
