package org.gonghui.member;

import static org.gonghui.member.ClaimFixtures.count;
import static org.gonghui.member.ClaimFixtures.member;
import static org.gonghui.member.ClaimFixtures.newLogin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
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
import org.junit.jupiter.api.Test;

/**
 * updateMyContact and confirmPhoneChange: employment details change at once; a new phone needs the
 * code sent to it and the code sent to the phone on record, and the previous phone and the login are
 * told; with the old phone lost, the union's officials get a to-do item instead.
 */
@QuarkusTestWithOidc
class MyContactTests {

    static final String UPDATE = "mutation($input: UpdateMyContactInput!) { updateMyContact(input: $input) { phoneChange member { id phone employerName employerCreditCode occupation keyGroups } } }";
    static final String CONFIRM = "mutation($new: String!, $old: String) { confirmPhoneChange(newPhoneCode: $new, oldPhoneCode: $old) { id phone } }";

    @Inject
    CapturedNotifications captured;

    private static Login linkedLogin(Fixture f) {
        Login login = newLogin();
        ClaimFixtures.linkTo(f, login.subject());
        return login;
    }

    private static Result update(Login login, Map<String, Object> input) {
        return GraphQLClient.post(login.token(), UPDATE, Map.of("input", input));
    }

    private static Result confirm(Login login, String newCode, String oldCode) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("new", newCode);
        vars.put("old", oldCode);
        return GraphQLClient.post(login.token(), CONFIRM, vars);
    }

    private String code(Login login, TextPurpose purpose) {
        List<TextMessageRequested> texts = captured.textsBy(login.subject()).stream().filter(t -> t.purpose() == purpose).toList();
        assertEquals(1, texts.size(), texts::toString);
        return texts.get(0).code();
    }

    private static String phoneOf(Fixture f) {
        return DemoData.queryString(ClaimFixtures.dataSource(), "select phone_masked from person where id = " + f.personId());
    }

    @Test
    void employmentDetailsChangeAtOnceAndAreAudited() {
        Fixture f = member("13903820001");
        Login login = linkedLogin(f);
        Result r = update(login, Map.of("employerName", "洛阳顺丰速运有限公司", "employerCreditCode", "91350100M000100Y43", "occupation", "快递员"));
        assertFalse(r.hasErrors(), r::toString);
        assertEquals("洛阳顺丰速运有限公司", r.data("updateMyContact.member.employerName"));
        assertEquals("快递员", r.data("updateMyContact.member.occupation"));
        assertNull(r.data("updateMyContact.phoneChange"));
        assertEquals(1, count("select count(*) from audit_event where operation = 'updateMyContact' and target_id = " + f.membershipId()));
        Result badCode = update(login, Map.of("employerCreditCode", "91350100M000100Y44"));
        assertEquals("VALIDATION", badCode.errorCode(), badCode::toString);
        assertTrue(badCode.errorMessage().startsWith("input.employerCreditCode"), badCode::toString);
    }

    @Test
    void aNewPhoneNeedsBothCodesAndTellsThePreviousPhoneAndTheLogin() {
        Fixture f = member("13903820011");
        Login login = linkedLogin(f);
        Result asked = update(login, Map.of("phone", "13903829999"));
        assertFalse(asked.hasErrors(), asked::toString);
        assertEquals("CODES_SENT", asked.data("updateMyContact.phoneChange"));
        assertEquals("139****0011", phoneOf(f));
        String newCode = code(login, TextPurpose.PHONE_CHANGE_NEW);
        String oldCode = code(login, TextPurpose.PHONE_CHANGE_OLD);
        assertEquals("13903829999", captured.textsBy(login.subject()).stream().filter(t -> t.purpose() == TextPurpose.PHONE_CHANGE_NEW).findFirst().orElseThrow().phone());
        assertEquals("13903820011", captured.textsBy(login.subject()).stream().filter(t -> t.purpose() == TextPurpose.PHONE_CHANGE_OLD).findFirst().orElseThrow().phone());

        // the new phone's code alone is not enough
        Result onlyNew = confirm(login, newCode, null);
        assertEquals("VALIDATION", onlyNew.errorCode(), onlyNew::toString);
        assertEquals("139****0011", phoneOf(f));

        Result done = confirm(login, newCode, oldCode);
        assertFalse(done.hasErrors(), done::toString);
        assertEquals("139****9999", done.data("confirmPhoneChange.phone"));
        assertEquals("139****9999", phoneOf(f));
        List<TextMessageRequested> told = captured.textsBy(login.subject()).stream().filter(t -> t.purpose() == TextPurpose.PHONE_CHANGED_NOTICE).toList();
        assertEquals(List.of("13903820011"), told.stream().map(TextMessageRequested::phone).toList());
        assertNull(told.get(0).code());
        List<MemberNotice> notices = captured.notices().stream().filter(n -> n.membershipId() == f.membershipId()).toList();
        assertEquals(List.of(NoticeType.PHONE_CHANGED), notices.stream().map(MemberNotice::type).toList());
        assertEquals(1, count("select count(*) from audit_event where operation = 'confirmPhoneChange' and target_id = " + f.membershipId()));
        // used codes are spent
        assertEquals("VALIDATION", confirm(login, newCode, oldCode).errorCode());
    }

    @Test
    void anotherLoginsPhoneCodesAreRefused() {
        Fixture mine = member("13903820021");
        Fixture theirs = member("13903820022");
        Login me = linkedLogin(mine);
        Login them = linkedLogin(theirs);
        assertFalse(update(them, Map.of("phone", "13903828888")).hasErrors());
        Result stolen = confirm(me, code(them, TextPurpose.PHONE_CHANGE_NEW), code(them, TextPurpose.PHONE_CHANGE_OLD));
        assertEquals("VALIDATION", stolen.errorCode(), stolen::toString);
        assertEquals("139****0021", phoneOf(mine));
        assertEquals("139****0022", phoneOf(theirs));
    }

    @Test
    void withTheOldPhoneLostTheUnionIsAsked() {
        Fixture f = member("13903820031");
        Login login = linkedLogin(f);
        Result asked = update(login, Map.of("phone", "13903827777", "oldPhoneLost", true));
        assertFalse(asked.hasErrors(), asked::toString);
        assertEquals("SENT_TO_UNION", asked.data("updateMyContact.phoneChange"));
        assertTrue(captured.textsBy(login.subject()).isEmpty());
        assertEquals(1, count("select count(*) from claim_help_request where kind = 'PHONE_LOST' and union_id = 41030611 and membership_id = "
                + f.membershipId() + " and contact_phone_masked = '139****7777'"));
        assertEquals("139****0031", phoneOf(f));
    }

    @Test
    void aLoginWithoutMembershipIsNotFound() {
        Login login = newLogin();
        Result r = update(login, Map.of("occupation", "骑手"));
        assertEquals("NOT_FOUND", r.errorCode(), r::toString);
        assertEquals("NOT_FOUND", confirm(login, "123456", "123456").errorCode());
    }
}
