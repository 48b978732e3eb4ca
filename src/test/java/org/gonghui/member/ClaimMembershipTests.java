package org.gonghui.member;

import static org.gonghui.member.ClaimFixtures.confirm;
import static org.gonghui.member.ClaimFixtures.count;
import static org.gonghui.member.ClaimFixtures.execute;
import static org.gonghui.member.ClaimFixtures.help;
import static org.gonghui.member.ClaimFixtures.member;
import static org.gonghui.member.ClaimFixtures.newLogin;
import static org.gonghui.member.ClaimFixtures.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.gonghui.member.ClaimFixtures.Fixture;
import org.gonghui.member.ClaimFixtures.Login;
import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.notification.TextMessageRequested;
import org.gonghui.notification.TextPurpose;
import org.gonghui.testing.CapturedNotifications;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Claiming a membership: the code goes only to the phone on record of a claimable membership, every
 * request answers alike, the code is stored only as a keyed hash, and the takeover paths (a linked
 * membership, another login's code, brute force, an expired code) are refused. Codes are read from the
 * events the outbox would send ({@link CapturedNotifications}).
 */
@QuarkusTestWithOidc
class ClaimMembershipTests {

    @Inject
    CapturedNotifications captured;

    private TextMessageRequested onlyText(Login login, TextPurpose purpose) {
        List<TextMessageRequested> texts = captured.textsBy(login.subject()).stream().filter(t -> t.purpose() == purpose).toList();
        assertEquals(1, texts.size(), () -> "texts of " + login.subject() + ": " + texts);
        return texts.get(0);
    }

    /** What a client can observe of an answer: status, data and errors. */
    private static String observable(Result r) {
        return r.status() + " " + r.json().getMap("data") + " " + r.errors();
    }

    @Test
    void existingMissingLinkedAndPhonelessRecordsAnswerAlike() {
        Fixture claimable = member("13903810001");
        Fixture linked = member("13903810002");
        ClaimFixtures.linkTo(linked, "sub-someone-else-" + linked.personId());
        Fixture phoneless = member(null);
        Map<String, Result> answers = new java.util.LinkedHashMap<>();
        Map<String, Login> logins = new java.util.LinkedHashMap<>();
        for (String kind : List.of("existing", "missing", "linked", "no-phone", "wrong-name")) {
            Login login = newLogin();
            logins.put(kind, login);
            Result r = switch (kind) {
                case "existing" -> request(login, claimable.idNumber(), claimable.name());
                case "missing" -> request(login, ClaimFixtures.freshIdNumber(), "无此人");
                case "linked" -> request(login, linked.idNumber(), linked.name());
                case "no-phone" -> request(login, phoneless.idNumber(), phoneless.name());
                default -> request(login, claimable.idNumber(), "别人");
            };
            assertFalse(r.hasErrors(), r::toString);
            answers.put(kind, r);
        }
        String first = observable(answers.get("existing"));
        answers.forEach((kind, r) -> assertEquals(first, observable(r), kind));
        assertEquals(ClaimService.CLAIM_ANSWER, answers.get("missing").data("requestMembershipClaim.message"));
        // every request wrote one row; only the claimable one is about a membership, and only it sent a code
        logins.forEach((kind, login) -> assertEquals(1, count("select count(*) from one_time_code where subject = '" + login.subject() + "'"), kind));
        assertEquals(claimable.membershipId(), count("select membership_id from one_time_code where subject = '" + logins.get("existing").subject() + "'"));
        for (String kind : List.of("missing", "linked", "no-phone", "wrong-name")) {
            assertEquals(1, count("select count(*) from one_time_code where membership_id is null and subject = '" + logins.get(kind).subject() + "'"), kind);
            assertTrue(captured.textsBy(logins.get(kind).subject()).isEmpty(), kind);
        }
        TextMessageRequested text = onlyText(logins.get("existing"), TextPurpose.CLAIM_CODE);
        assertEquals("13903810001", text.phone());
        assertTrue(text.code().matches("[0-9]{6}"), text::toString);
        assertNotNull(text.notAfter());
    }

    @Test
    void theRightCodeLinksTheLoginWithAuditHistoryAndNotices() {
        Fixture f = member("13903810011");
        Login login = newLogin();
        assertFalse(request(login, f.idNumber(), f.name()).hasErrors());
        String code = onlyText(login, TextPurpose.CLAIM_CODE).code();

        Result confirmed = confirm(login, code);
        assertFalse(confirmed.hasErrors(), confirmed::toString);
        assertEquals(String.valueOf(f.membershipId()), String.valueOf(confirmed.<Object>data("confirmMembershipClaim.id")));
        assertEquals("139****0011", confirmed.data("confirmMembershipClaim.phone"));
        assertEquals(login.subject(), DemoData.queryString(ClaimFixtures.dataSource(), "select subject from person where id = " + f.personId()));
        assertEquals(1, count("select count(*) from audit_event where operation = 'confirmMembershipClaim' and target_id = " + f.membershipId()
                + " and actor_subject = '" + login.subject() + "'"));
        assertEquals(1, count("select count(*) from membership_event where membership_id = " + f.membershipId() + " and actor_subject = '"
                + login.subject() + "'"));
        assertEquals(1, count("select count(*) from one_time_code where subject = '" + login.subject() + "' and closed_at is not null"));
        Result me = GraphQLClient.post(login.token(), "{ me { membership { id } } }");
        assertEquals(String.valueOf(f.membershipId()), String.valueOf(me.<Object>data("me.membership.id")), me::toString);
        assertEquals("13903810011", onlyText(login, TextPurpose.CLAIM_LINKED_NOTICE).phone());
        List<MemberNotice> notices = captured.notices().stream().filter(n -> n.membershipId() == f.membershipId()).toList();
        assertEquals(1, notices.size(), notices::toString);
        assertEquals(NoticeType.CLAIM_LINKED, notices.get(0).type());

        // the code is spent, and a linked login cannot start another claim
        assertEquals("CONFLICT", request(login, f.idNumber(), f.name()).errorCode());
    }

    @Test
    void codesAreStoredOnlyAsKeyedHashes() throws Exception {
        Fixture f = member("13903810021");
        Login login = newLogin();
        request(login, f.idNumber(), f.name());
        String code = onlyText(login, TextPurpose.CLAIM_CODE).code();
        try (Connection c = ClaimFixtures.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select nonce, code_hash, o::text from one_time_code o where subject = ?")) {
            s.setString(1, login.subject());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                byte[] nonce = rs.getBytes(1);
                byte[] stored = rs.getBytes(2);
                assertEquals(32, stored.length);
                assertArrayEquals(ClaimFixtures.codeHash(nonce, code), stored);
                assertNotEquals(new String(stored, StandardCharsets.ISO_8859_1), code);
                assertNotEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(code.getBytes(StandardCharsets.US_ASCII))), java.util.HexFormat.of().formatHex(stored), "an unkeyed hash");
                String row = rs.getString(3);
                assertFalse(row.replaceAll("\\\\x[0-9a-f]+", "").contains(code), row);
            }
        }
    }

    @Test
    void aWrongCodeAndNoPendingClaimAnswerAlike() {
        Fixture f = member("13903810031");
        Login withClaim = newLogin();
        request(withClaim, f.idNumber(), f.name());
        String code = onlyText(withClaim, TextPurpose.CLAIM_CODE).code();
        String wrong = code.equals("000000") ? "000001" : "000000";
        Result wrongCode = confirm(withClaim, wrong);
        Result noClaim = confirm(newLogin(), wrong);
        assertEquals("VALIDATION", wrongCode.errorCode(), wrongCode::toString);
        assertEquals(observable(wrongCode), observable(noClaim));
        assertNull(wrongCode.data("confirmMembershipClaim"));
        assertEquals(1, count("select attempts from one_time_code where subject = '" + withClaim.subject() + "'"));
    }

    @Test
    void anotherLoginCannotUseTheCode() {
        Fixture f = member("13903810041");
        Login owner = newLogin();
        Login thief = newLogin();
        request(owner, f.idNumber(), f.name());
        String code = onlyText(owner, TextPurpose.CLAIM_CODE).code();
        Result stolen = confirm(thief, code);
        assertEquals("VALIDATION", stolen.errorCode(), stolen::toString);
        assertNull(DemoData.queryString(ClaimFixtures.dataSource(), "select subject from person where id = " + f.personId()));
        // the thief asking for the same membership closes nothing of the owner's: its own code goes to the owner's phone
        request(thief, f.idNumber(), f.name());
        assertEquals("VALIDATION", confirm(thief, code).errorCode());
        assertFalse(confirm(owner, code).hasErrors());
        assertEquals(owner.subject(), DemoData.queryString(ClaimFixtures.dataSource(), "select subject from person where id = " + f.personId()));
    }

    @Test
    void fiveWrongTriesSpendTheCode() {
        Fixture f = member("13903810051");
        Login login = newLogin();
        request(login, f.idNumber(), f.name());
        String code = onlyText(login, TextPurpose.CLAIM_CODE).code();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; wrong.size() < 5; i++) {
            String guess = String.format("%06d", i);
            if (!guess.equals(code)) {
                wrong.add(guess);
            }
        }
        for (String guess : wrong) {
            assertEquals("VALIDATION", confirm(login, guess).errorCode());
        }
        Result right = confirm(login, code);
        assertEquals("VALIDATION", right.errorCode(), right::toString);
        assertNull(DemoData.queryString(ClaimFixtures.dataSource(), "select subject from person where id = " + f.personId()));
        assertEquals(5, count("select attempts from one_time_code where subject = '" + login.subject() + "' and closed_at is not null"));
    }

    @Test
    void anExpiredCodeIsRefused() {
        Fixture f = member("13903810061");
        Login login = newLogin();
        request(login, f.idNumber(), f.name());
        String code = onlyText(login, TextPurpose.CLAIM_CODE).code();
        assertTrue(onlyText(login, TextPurpose.CLAIM_CODE).notAfter().isBefore(java.time.Instant.now().plusSeconds(301)));
        execute("update one_time_code set expires_at = now() - interval '1 second' where subject = '" + login.subject() + "'");
        assertEquals("VALIDATION", confirm(login, code).errorCode());
        assertNull(DemoData.queryString(ClaimFixtures.dataSource(), "select subject from person where id = " + f.personId()));
    }

    @Test
    void aNewRequestReplacesTheOlderCode() {
        Fixture f = member("13903810071");
        Login login = newLogin();
        request(login, f.idNumber(), f.name());
        request(login, f.idNumber(), f.name());
        List<TextMessageRequested> texts = captured.textsBy(login.subject());
        assertEquals(2, texts.size());
        if (!texts.get(0).code().equals(texts.get(1).code())) {
            assertEquals("VALIDATION", confirm(login, texts.get(0).code()).errorCode());
        }
        assertFalse(confirm(login, texts.get(1).code()).hasErrors());
    }

    @Test
    void malformedInputIsValidation() {
        Login login = newLogin();
        assertEquals("VALIDATION", request(login, "440308199003141234", "某人").errorCode());
        assertEquals("VALIDATION", request(login, ClaimFixtures.freshIdNumber(), "\u0000").errorCode());
        Result code = confirm(login, "12345x");
        assertEquals("VALIDATION", code.errorCode());
        assertTrue(code.errorMessage().startsWith("code:"), code::toString);
        assertFalse(code.body().contains("12345x"));
        assertEquals("VALIDATION", help(login, ClaimFixtures.freshIdNumber(), "某人", "12345").errorCode());
    }

    @Test
    void requestsAreLimitedPerLoginAndPerIdNumberMatchedOrNot() {
        // per login: 20 an hour in tests (gonghui.rate-limit.person-lookups.per-login-per-hour), whatever is asked
        Login busy = newLogin();
        for (int i = 0; i < 20; i++) {
            Result r = i % 2 == 0 ? request(busy, ClaimFixtures.freshIdNumber(), "某人") : help(busy, ClaimFixtures.freshIdNumber(), "某人", "13903819999");
            assertFalse(r.hasErrors(), r::toString);
        }
        Result refused = request(busy, ClaimFixtures.freshIdNumber(), "某人");
        assertEquals(429, refused.status(), refused::toString);
        assertEquals("RATE_LIMITED", refused.errorCode());

        // per ID number: 20 an hour whoever asks, also when it matches nobody
        String wanted = ClaimFixtures.freshIdNumber();
        for (int i = 0; i < 20; i++) {
            assertFalse(request(newLogin(), wanted, "某人").hasErrors());
        }
        Result tooMany = request(newLogin(), wanted, "某人");
        assertEquals(429, tooMany.status(), tooMany::toString);
        assertEquals("RATE_LIMITED", tooMany.errorCode());
    }

    @Test
    void helpReachesTheMatchingUnionOnlyAndAnswersAlike() {
        Fixture f = member(null);
        Login asker = newLogin();
        Login stranger = newLogin();
        Result matched = help(asker, f.idNumber(), f.name(), "13903811111");
        Result unmatched = help(stranger, ClaimFixtures.freshIdNumber(), "无此人", "13903812222");
        assertFalse(matched.hasErrors(), matched::toString);
        assertEquals(observable(matched), observable(unmatched));
        assertEquals(ClaimService.HELP_ANSWER, matched.data("requestClaimHelp.message"));
        assertEquals(0, count("select count(*) from claim_help_request where subject = '" + stranger.subject() + "'"));

        String list = """
                query($status: ClaimHelpStatus) { claimHelpRequests(unionId: 41030611, status: $status) {
                  totalCount edges { node { id kind unionId memberId name contactPhone requesterSubject status closeNote } } } }""";
        Result todo = GraphQLClient.post(Tokens.forDemoUser("heyang-baoan"), list, Map.of("status", "OPEN"));
        assertFalse(todo.hasErrors(), todo::toString);
        List<Map<String, Object>> nodes = todo.json().getList("data.claimHelpRequests.edges.node");
        Map<String, Object> item = nodes.stream().filter(n -> asker.subject().equals(n.get("requesterSubject"))).findFirst().orElseThrow();
        assertEquals("CLAIM", item.get("kind"));
        assertEquals("139****1111", item.get("contactPhone"));
        assertEquals(String.valueOf(f.membershipId()), String.valueOf(item.get("memberId")));
        assertEquals(nodes.size(), (int) todo.data("claimHelpRequests.totalCount"));
        assertFalse(todo.body().contains("13903811111"));

        Result closed = GraphQLClient.post(Tokens.forDemoUser("jili"),
                "mutation($id: ID!) { closeClaimHelpRequest(id: $id, note: \"已核实身份并关联\") { status closeNote closedAt } }", Map.of("id", item.get("id")));
        assertFalse(closed.hasErrors(), closed::toString);
        assertEquals("CLOSED", closed.data("closeClaimHelpRequest.status"));
        assertEquals(1, count("select count(*) from audit_event where operation = 'closeClaimHelpRequest' and target_id = " + item.get("id")));
        Result again = GraphQLClient.post(Tokens.forDemoUser("jili"), "mutation($id: ID!) { closeClaimHelpRequest(id: $id) { status } }",
                Map.of("id", item.get("id")));
        assertEquals("CONFLICT", again.errorCode(), again::toString);
    }

    @Test
    void theRequestsUnionAndTheUnionAboveRevealTheContactPhoneWithAnAuditedReason() {
        Fixture f = member(null);
        Login asker = newLogin();
        assertFalse(help(asker, f.idNumber(), f.name(), "13903813333").hasErrors());
        long id = count("select id from claim_help_request where subject = '" + asker.subject() + "'");
        String reveal = "mutation($input: RevealClaimHelpContactPhoneInput!) { revealClaimHelpContactPhone(input: $input) { helpRequestId contactPhone } }";

        Result noReason = GraphQLClient.post(Tokens.forDemoUser("heyang-baoan"), reveal, Map.of("input", Map.of("id", id, "reason", "  ")));
        assertEquals("VALIDATION", noReason.errorCode(), noReason::toString);
        assertTrue(noReason.errorMessage().startsWith("reason"), noReason::toString);
        Result county = GraphQLClient.post(Tokens.forDemoUser("jili"), reveal, Map.of("input", Map.of("id", id, "reason", "回电核实身份")));
        assertEquals("FORBIDDEN", county.errorCode(), county::toString);
        assertFalse(county.body().contains("13903813333"));
        assertEquals(0, count("select count(*) from audit_event where operation = 'revealClaimHelpContactPhone'"), "refused reveals leave no record");

        for (String official : List.of("heyang-baoan", "heyang")) {
            Result revealed = GraphQLClient.post(Tokens.forDemoUser(official), reveal, Map.of("input", Map.of("id", id, "reason", "回电核实身份")));
            assertFalse(revealed.hasErrors(), revealed::toString);
            assertEquals("13903813333", revealed.data("revealClaimHelpContactPhone.contactPhone"));
            assertEquals(String.valueOf(id), String.valueOf(revealed.<Object>data("revealClaimHelpContactPhone.helpRequestId")));
        }
        assertEquals(2, count("select count(*) from audit_event where operation = 'revealClaimHelpContactPhone' and target_id = " + id
                + " and target_type = 'ClaimHelpRequest' and reason = '回电核实身份' and target_union_id = 41030611"
                + " and changes = '{\"revealed\": {\"after\": \"CONTACT_PHONE\", \"before\": null}}'::jsonb"));
    }
}
