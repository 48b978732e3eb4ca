package org.gonghui.member;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.QuarkusTestWithOidc;

import io.quarkus.arc.Arc;

/**
 * Claims, help requests and a member's own contact details: every operation × {the member's own login,
 * the same login against another login's record, an official, anonymous}, and the officials' to-do list
 * × {own union, above it, sibling, other province, member, anonymous}. A scenario (the state the cell
 * starts from) is written before the fingerprint is taken; a refused cell leaves the database unchanged.
 * The member is the demo login {@value AuthorizationMatrix#MEMBER}; "another login" is a subject no
 * demo user has, so the matrix also runs against a real Keycloak.
 */
@QuarkusTestWithOidc
class ClaimAuthorizationMatrixTests extends AuthorizationMatrix<ClaimAuthorizationMatrixTests.Operation, ClaimAuthorizationMatrixTests.Scenario> {

    enum Operation {
        REQUEST_CLAIM, CONFIRM_CLAIM, REQUEST_HELP, UPDATE_MY_CONTACT, CONFIRM_PHONE_CHANGE, HELP_REQUESTS, CLOSE_HELP, REVEAL_HELP_PHONE
    }

    /** Demo member 1 何强 (41030611 河阳保安, phone 13803791001), demo member 2 李娜 of the same union. */
    static final long MEMBER_1 = 1;
    static final long MEMBER_2 = 2;
    static final String ID_NUMBER_1 = "41030619850312011" + IdNumber.checkCharacter("41030619850312011");
    static final String ANOTHER_LOGIN = "sub-another-member";
    static final String CLAIM_CODE = "123456";
    static final String NEW_PHONE_CODE = "111111";
    static final String OLD_PHONE_CODE = "222222";

    /** The state a cell starts from. */
    enum Scenario {
        /** the demo login and member 1 are both unlinked */
        UNLINKED,
        /** member 1 is linked to another login */
        LINKED_TO_ANOTHER,
        /** the demo login has a pending claim of member 1 (code 123456) */
        OWN_CLAIM,
        /** another login has a pending claim of member 1 (code 123456); the demo login has none */
        ANOTHER_LOGINS_CLAIM,
        /** member 1 is linked to the demo login, with a pending phone change (codes 111111 and 222222) */
        OWN_PHONE_CHANGE,
        /** the demo login holds member 2; member 1 is linked to another login, whose phone change is pending (same codes) */
        ANOTHER_LOGINS_PHONE_CHANGE,
        /** an open help request about member 1 at 41030611 */
        OPEN_HELP_REQUEST
    }

    private Scenario scenario = Scenario.UNLINKED;
    private String memberSubject;

    @Override
    protected List<Cell<Operation, Scenario>> cells() {
        List<Cell<Operation, Scenario>> cells = new ArrayList<>();
        // the member's own record, the member against another login's record
        add(cells, MEMBER, Relation.MEMBER, Operation.REQUEST_CLAIM, Scenario.UNLINKED, OK);
        add(cells, MEMBER, Relation.MEMBER, Operation.REQUEST_CLAIM, Scenario.LINKED_TO_ANOTHER, OK);
        add(cells, MEMBER, Relation.MEMBER, Operation.CONFIRM_CLAIM, Scenario.OWN_CLAIM, OK);
        add(cells, MEMBER, Relation.MEMBER, Operation.CONFIRM_CLAIM, Scenario.ANOTHER_LOGINS_CLAIM, VALIDATION);
        add(cells, MEMBER, Relation.MEMBER, Operation.REQUEST_HELP, Scenario.UNLINKED, OK);
        add(cells, MEMBER, Relation.MEMBER, Operation.REQUEST_HELP, Scenario.LINKED_TO_ANOTHER, OK);
        add(cells, MEMBER, Relation.MEMBER, Operation.UPDATE_MY_CONTACT, Scenario.OWN_PHONE_CHANGE, OK);
        add(cells, MEMBER, Relation.MEMBER, Operation.UPDATE_MY_CONTACT, Scenario.LINKED_TO_ANOTHER, NOT_FOUND);
        add(cells, MEMBER, Relation.MEMBER, Operation.CONFIRM_PHONE_CHANGE, Scenario.OWN_PHONE_CHANGE, OK);
        add(cells, MEMBER, Relation.MEMBER, Operation.CONFIRM_PHONE_CHANGE, Scenario.ANOTHER_LOGINS_PHONE_CHANGE, VALIDATION);
        // officials and anonymous callers on the member's operations, in the state where the member may act
        Map<Operation, Scenario> memberOperations = Map.of(Operation.REQUEST_CLAIM, Scenario.UNLINKED, Operation.CONFIRM_CLAIM, Scenario.OWN_CLAIM,
                Operation.REQUEST_HELP, Scenario.UNLINKED, Operation.UPDATE_MY_CONTACT, Scenario.OWN_PHONE_CHANGE,
                Operation.CONFIRM_PHONE_CHANGE, Scenario.OWN_PHONE_CHANGE);
        for (Operation operation : List.of(Operation.REQUEST_CLAIM, Operation.CONFIRM_CLAIM, Operation.REQUEST_HELP, Operation.UPDATE_MY_CONTACT,
                Operation.CONFIRM_PHONE_CHANGE)) {
            add(cells, "heyang-baoan", Relation.OWN, operation, memberOperations.get(operation), FORBIDDEN);
            add(cells, "quanzong", Relation.ANCESTOR, operation, memberOperations.get(operation), FORBIDDEN);
            add(cells, null, Relation.ANONYMOUS, operation, memberOperations.get(operation), UNAUTHENTICATED);
        }
        // the officials' to-do list and closing an item of it
        for (Operation operation : List.of(Operation.HELP_REQUESTS, Operation.CLOSE_HELP)) {
            add(cells, "heyang-baoan", Relation.OWN, operation, Scenario.OPEN_HELP_REQUEST, OK);
            add(cells, "heyang", Relation.PARENT, operation, Scenario.OPEN_HELP_REQUEST, OK);
            add(cells, "jili", Relation.ANCESTOR, operation, Scenario.OPEN_HELP_REQUEST, OK);
            add(cells, "shunda", Relation.SIBLING, operation, Scenario.OPEN_HELP_REQUEST, NOT_FOUND);
            add(cells, "baicheng", Relation.OUTSIDE, operation, Scenario.OPEN_HELP_REQUEST, NOT_FOUND);
            add(cells, MEMBER, Relation.MEMBER, operation, Scenario.OPEN_HELP_REQUEST, FORBIDDEN);
            add(cells, null, Relation.ANONYMOUS, operation, Scenario.OPEN_HELP_REQUEST, UNAUTHENTICATED);
        }
        // revealing a help request's contact phone: the request's union and the union directly above it, as for a member's phone
        add(cells, "heyang-baoan", Relation.OWN, Operation.REVEAL_HELP_PHONE, Scenario.OPEN_HELP_REQUEST, OK);
        add(cells, "heyang", Relation.PARENT, Operation.REVEAL_HELP_PHONE, Scenario.OPEN_HELP_REQUEST, OK);
        add(cells, "jili", Relation.ANCESTOR, Operation.REVEAL_HELP_PHONE, Scenario.OPEN_HELP_REQUEST, FORBIDDEN);
        add(cells, "quanzong", Relation.ANCESTOR, Operation.REVEAL_HELP_PHONE, Scenario.OPEN_HELP_REQUEST, FORBIDDEN);
        add(cells, "shunda", Relation.SIBLING, Operation.REVEAL_HELP_PHONE, Scenario.OPEN_HELP_REQUEST, NOT_FOUND);
        add(cells, "baicheng", Relation.OUTSIDE, Operation.REVEAL_HELP_PHONE, Scenario.OPEN_HELP_REQUEST, NOT_FOUND);
        add(cells, MEMBER, Relation.MEMBER, Operation.REVEAL_HELP_PHONE, Scenario.OPEN_HELP_REQUEST, FORBIDDEN);
        add(cells, null, Relation.ANONYMOUS, Operation.REVEAL_HELP_PHONE, Scenario.OPEN_HELP_REQUEST, UNAUTHENTICATED);
        return cells;
    }

    /** A cell that first selects its scenario, then runs as any cell of the base (fixtures, fingerprint, call, checks). */
    private void add(List<Cell<Operation, Scenario>> cells, String caller, Relation relation, Operation operation, Scenario target, String expected) {
        Cell<Operation, Scenario> plain = cell(caller, relation, operation, target, expected);
        cells.add(check(caller, relation, operation, target, expected, () -> {
            scenario = target;
            assertCell(plain);
        }));
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation != Operation.HELP_REQUESTS;
    }

    @Override
    protected void fixtures() {
        restore();
        String member = memberSubject();
        switch (scenario) {
            case UNLINKED -> {
            }
            case LINKED_TO_ANOTHER -> link(MEMBER_1, ANOTHER_LOGIN);
            case OWN_CLAIM -> claim(member);
            case ANOTHER_LOGINS_CLAIM -> claim(ANOTHER_LOGIN);
            case OWN_PHONE_CHANGE -> {
                link(MEMBER_1, member);
                phoneChange(member);
            }
            case ANOTHER_LOGINS_PHONE_CHANGE -> {
                link(MEMBER_2, member);
                link(MEMBER_1, ANOTHER_LOGIN);
                phoneChange(ANOTHER_LOGIN);
            }
            case OPEN_HELP_REQUEST -> {
                Sealed phone = personalData().encrypt(Purpose.CONTACT_PHONE, "13903830001");
                insert("""
                        insert into claim_help_request (union_id, kind, membership_id, subject, name, contact_phone_cipher, contact_phone_key,
                                                        contact_phone_masked)
                        values (41030611, 'CLAIM', 1, ?, '何强', ?, ?, '139****0001')""", ANOTHER_LOGIN, phone.ciphertext(), phone.keyId());
            }
        }
    }

    /** The demo member login's token subject (a UUID under a real Keycloak), asked once from {@code me}. */
    private String memberSubject() {
        if (memberSubject == null) {
            memberSubject = GraphQLClient.post(token(MEMBER), "{ me { subject } }").data("me.subject");
        }
        return memberSubject;
    }

    private static void link(long membershipId, String subject) {
        DemoData.execute(dataSource(), "update person set subject = '" + subject + "' where id = (select person_id from membership where id = "
                + membershipId + ")");
    }

    private static void claim(String subject) {
        byte[] nonce = new byte[16];
        insert("""
                insert into one_time_code (id_hash, kind, subject, membership_id, nonce, code_hash, expires_at)
                values ((select person_hash from membership where id = 1), 'CLAIM', ?, 1, ?, ?, now() + interval '5 minutes')""",
                subject, nonce, ClaimFixtures.codeHash(nonce, CLAIM_CODE));
    }

    private static void phoneChange(String subject) {
        byte[] nonce = new byte[16];
        Sealed phone = personalData().encrypt(Purpose.CONTACT_PHONE, "13903830000");
        insert("""
                insert into one_time_code (id_hash, kind, subject, membership_id, nonce, code_hash, new_code_hash, new_phone_cipher, new_phone_key, expires_at)
                values ((select person_hash from membership m join person p on p.id = m.person_id where p.subject = ?), 'PHONE_CHANGE', ?,
                        (select m.id from membership m join person p on p.id = m.person_id where p.subject = ?), ?, ?, ?, ?, ?, now() + interval '5 minutes')""",
                subject, subject, subject, nonce, ClaimFixtures.codeHash(nonce, OLD_PHONE_CODE), ClaimFixtures.codeHash(nonce, NEW_PHONE_CODE),
                phone.ciphertext(), phone.keyId());
    }

    private static void insert(String sql, Object... params) {
        try (var c = dataSource().getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PersonalData personalData() {
        return Arc.container().instance(PersonalData.class).get();
    }

    @Override
    protected Call call(String token, Operation operation, Scenario target) {
        return switch (operation) {
            case REQUEST_CLAIM -> graphql(token, "requestMembershipClaim", ClaimFixtures.REQUEST, Map.of("id", ID_NUMBER_1, "name", "何强"));
            case CONFIRM_CLAIM -> graphql(token, "confirmMembershipClaim", ClaimFixtures.CONFIRM, Map.of("code", CLAIM_CODE));
            case REQUEST_HELP -> graphql(token, "requestClaimHelp", ClaimFixtures.HELP, Map.of("id", ID_NUMBER_1, "name", "何强", "phone", "13903830002"));
            case UPDATE_MY_CONTACT -> graphql(token, "updateMyContact", MyContactTests.UPDATE, Map.of("input", Map.of("occupation", "班组长")));
            case CONFIRM_PHONE_CHANGE -> {
                Map<String, Object> vars = new HashMap<>();
                vars.put("new", NEW_PHONE_CODE);
                vars.put("old", OLD_PHONE_CODE);
                yield graphql(token, "confirmPhoneChange", MyContactTests.CONFIRM, vars);
            }
            case HELP_REQUESTS -> graphql(token, "claimHelpRequests",
                    "query($union: ID!) { claimHelpRequests(unionId: $union) { totalCount edges { node { id contactPhone } } } }",
                    Map.of("union", 41030611));
            case CLOSE_HELP -> graphql(token, "closeClaimHelpRequest", "mutation($id: ID!) { closeClaimHelpRequest(id: $id, note: \"已处理\") { id status } }",
                    Map.of("id", DemoData.queryLong(dataSource(), "select id from claim_help_request order by id desc limit 1")));
            case REVEAL_HELP_PHONE -> graphql(token, "revealClaimHelpContactPhone",
                    "mutation($input: RevealClaimHelpContactPhoneInput!) { revealClaimHelpContactPhone(input: $input) { helpRequestId contactPhone } }",
                    Map.of("input", Map.of("id", DemoData.queryLong(dataSource(), "select id from claim_help_request order by id desc limit 1"),
                            "reason", "回电核实身份")));
        };
    }
}
