package org.gonghui.hardship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.NoticeType;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.RecordedNotices;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member applies for hardship aid themselves (困难帮扶申请) and follows it: the file is opened at their
 * own union exactly as an official opens one (encrypted household facts, audit), and the member sees
 * its status and step dates only, never the officials' notes or anyone else's file.
 * The worker's login is linked to demo member 1 何强 of 41030611 河阳保安.
 */
@QuarkusTestWithOidc
class HardshipAidApplicationTests {

    static final String APPLY = "mutation($input: ApplyForHardshipAidInput!) { applyForHardshipAid(input: $input) { id status appliedAt steps { status at } } }";
    static final String MINE = "{ me { hardshipFiles { totalCount edges { node { id status appliedAt steps { status at } } } } } }";
    static final String ADVANCE = "mutation($input: AdvanceHardshipFileInput!) { advanceHardshipFile(input: $input) { status version } }";

    @Inject
    DataSource dataSource;

    @Inject
    RecordedNotices notices;

    @BeforeEach
    void linkTheWorkerToMemberOne() {
        DemoData.execute(dataSource, "update person set subject = 'sub-worker' where id = (select person_id from membership where id = 1)");
        notices.clear();
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result post(String user, String document, Map<String, Object> variables) {
        return GraphQLClient.post(Tokens.forDemoUser(user), document, variables);
    }

    static Map<String, Object> application() {
        return new HashMap<>(Map.of("level", "GENERAL", "reasons", List.of("ILLNESS"), "householdSize", 3, "monthlyIncomeYuan", "2100.50",
                "dependents", 1, "description", "本人工伤后收入下降, 孩子上小学"));
    }

    @Test
    void aMemberAppliesAtTheirOwnUnionWithHouseholdFactsEncryptedAndIsNotified() {
        Result applied = post("worker", APPLY, Map.of("input", application()));
        assertFalse(applied.hasErrors(), applied::toString);
        assertEquals("APPLIED", applied.data("applyForHardshipAid.status"));
        assertEquals(List.of("APPLIED"), applied.json().getList("data.applyForHardshipAid.steps.status"));
        Object id = applied.data("applyForHardshipAid.id");
        assertEquals("1|41030611|APPLIED|GENERAL", DemoData.queryString(dataSource,
                "select membership_id || '|' || union_id || '|' || status || '|' || level from hardship_file where id = " + id));
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from hardship_file where position(convert_to('工伤', 'UTF8') in details_cipher) > 0"
                + " or position(convert_to('2100', 'UTF8') in details_cipher) > 0"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'applyForHardshipAid' and target_id = " + id));

        // the member's union reads the facts the member gave, decrypted, through the audited read
        Result read = post("heyang-baoan", "query { hardshipFile(memberId: 1, reason: \"核实困难帮扶申请\") { id household { size monthlyIncomeYuan description } } }", Map.of());
        assertFalse(read.hasErrors(), read::toString);
        assertEquals("2100.50", read.data("hardshipFile.household.monthlyIncomeYuan"));
        assertEquals("本人工伤后收入下降, 孩子上小学", read.data("hardshipFile.household.description"));

        List<MemberNotice> sent = notices.of(1);
        assertEquals(1, sent.size());
        assertEquals(NoticeType.HARDSHIP_STEP, sent.get(0).type());
        assertEquals(String.valueOf(id), sent.get(0).objectId());
        assertFalse(sent.get(0).textZh().contains("2100"), "no household facts in a notice");
        assertTrue(notices.all().stream().allMatch(RecordedNotices.Recorded::inTransaction));
    }

    @Test
    void theMemberSeesStatusAndStepDatesButNeverTheOfficialsNotes() {
        Object id = post("worker", APPLY, Map.of("input", application())).data("applyForHardshipAid.id");
        Result reviewed = post("heyang-baoan", ADVANCE, Map.of("input", Map.of("id", id, "version", 0, "to", "REVIEWED", "note", "入户核查: 家中无其他收入")));
        assertFalse(reviewed.hasErrors(), reviewed::toString);

        Result mine = post("worker", MINE, Map.of());
        assertFalse(mine.hasErrors(), mine::toString);
        assertEquals(1, (int) mine.data("me.hardshipFiles.totalCount"));
        assertEquals(List.of("REVIEWED"), mine.json().getList("data.me.hardshipFiles.edges.node.status"));
        assertEquals(List.of("APPLIED", "REVIEWED"), mine.json().getList("data.me.hardshipFiles.edges[0].node.steps.status"));
        assertFalse(mine.body().contains("入户核查"), "officials' notes stay with officials");
        assertFalse(mine.body().contains("sub-heyang-baoan"), "who reviewed stays with officials");

        // the member-facing type has no field for notes, actors, level or household facts
        Result note = post("worker", "{ me { hardshipFiles { edges { node { steps { note } } } } } }", Map.of());
        assertEquals("BAD_REQUEST", note.errorCode(), note::toString);
        Result household = post("worker", "{ me { hardshipFiles { edges { node { household { size } } } } } }", Map.of());
        assertEquals("BAD_REQUEST", household.errorCode(), household::toString);
    }

    @Test
    void oneOpenFilePerPersonAndAnotherMembersFileIsNeverListed() {
        Result first = post("worker", APPLY, Map.of("input", application()));
        assertFalse(first.hasErrors(), first::toString);
        Result second = post("worker", APPLY, Map.of("input", application()));
        assertEquals("CONFLICT", second.errorCode(), second::toString);

        Result opened = post("heyang-baoan", "mutation($input: OpenHardshipFileInput!) { openHardshipFile(input: $input) { id } }",
                Map.of("input", Map.of("memberId", 2, "level", "SEVERE", "reasons", List.of("DISABILITY"), "householdSize", 2, "monthlyIncomeYuan", "900")));
        assertFalse(opened.hasErrors(), opened::toString);
        Result mine = post("worker", MINE, Map.of());
        assertEquals(1, (int) mine.data("me.hardshipFiles.totalCount"), mine::toString);
        assertEquals(List.of(String.valueOf(first.<Object>data("applyForHardshipAid.id"))),
                mine.json().getList("data.me.hardshipFiles.edges.node.id", String.class));
    }

    @Test
    void inputRulesAndAMemberWithoutALinkedMembership() {
        Map<String, Object> noReasons = application();
        noReasons.put("reasons", List.of());
        assertEquals("VALIDATION", post("worker", APPLY, Map.of("input", noReasons)).errorCode());
        Map<String, Object> badIncome = application();
        badIncome.put("monthlyIncomeYuan", "1e3");
        assertEquals("VALIDATION", post("worker", APPLY, Map.of("input", badIncome)).errorCode());
        Map<String, Object> bidi = application();
        bidi.put("description", "收入\u202E下降");
        assertEquals("VALIDATION", post("worker", APPLY, Map.of("input", bidi)).errorCode());
        DemoData.execute(dataSource, "update person set subject = null where subject = 'sub-worker'");
        Result unlinked = post("worker", APPLY, Map.of("input", application()));
        assertEquals("NOT_FOUND", unlinked.errorCode(), unlinked::toString);
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from hardship_file"));
        assertEquals(List.of(), notices.all());
    }

    @Test
    void theSchemaStillListsNoOfficialsHardshipFileAnywhere() throws Exception {
        String schema = Files.readString(Path.of("schema.graphql"));
        String ownCase = schema.substring(schema.indexOf("type OwnHardshipCase {"));
        ownCase = ownCase.substring(0, ownCase.indexOf('}'));
        for (String field : List.of("household", "level", "note", "actorSubject", "memberId")) {
            assertFalse(ownCase.contains(field + ":"), "the member's view has no " + field);
        }
    }
}
