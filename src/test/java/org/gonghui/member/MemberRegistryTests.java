package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.PersonalData.Sealed;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/**
 * The registry: masked output, searches, scope, encryption at rest, key rotation, the audited reveal
 * and the database's one-membership rule. Demo members: see {@link DemoMembers}.
 */
@QuarkusTestWithOidc
class MemberRegistryTests {

    static final String HE_QIANG_ID = "41030619850312011" + IdNumber.checkCharacter("41030619850312011");
    static final String ZHOU_ID = "11010519491231002X";

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataRotation rotation;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static String token(String user) {
        return Tokens.forDemoUser(user);
    }

    static Result members(String user, String filter) {
        return GraphQLClient.post(token(user), "{ members(filter: " + filter + ", first: 50) { totalCount edges { node { id name idNumber phone status unionId } } } }");
    }

    static List<String> names(Result result) {
        return result.json().getList("data.members.edges.node.name");
    }

    @Test
    void personalDataIsMaskedInEveryListing() {
        Result result = GraphQLClient.post(token("heyang"), """
                { member(id: 1) { name idNumber phone birthDate sex cardNumber joinedOn status keyGroups }
                  zhou: member(id: 13) { idNumber phone birthDate sex } }""");
        assertFalse(result.hasErrors(), result::toString);
        assertEquals("410***********011" + HE_QIANG_ID.charAt(17), result.data("member.idNumber"));
        assertEquals("138****1001", result.data("member.phone"));
        assertEquals("1985-03-12", result.data("member.birthDate"));
        assertEquals("MALE", result.data("member.sex"));
        assertEquals(List.of("SECURITY_GUARD"), result.data("member.keyGroups"));
        assertEquals("110***********002X", result.data("zhou.idNumber"));
        assertNull(result.data("zhou.phone"));
        assertEquals("1949-12-31", result.data("zhou.birthDate"));
        assertEquals("FEMALE", result.data("zhou.sex"));
    }

    @Test
    void idNumbersAndPhonesAreEncryptedAtRestUnderTheActiveKey() {
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from person where position(convert_to('" + HE_QIANG_ID + "', 'UTF8') in id_cipher) > 0"
                + " or position(convert_to('13803791001', 'UTF8') in phone_cipher) > 0"));
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from person where id_key <> 'test-1'"));
        assertEquals("410***********011" + HE_QIANG_ID.charAt(17), DemoData.queryString(dataSource, "select id_masked from person where id = 1"));
    }

    @Test
    void searchesFindMembersByNamePhoneIdNumberGroupStatusAndFlags() {
        assertEquals(List.of("王伟"), names(members("luoyang", "{nameContains: \"王伟\"}")));
        assertEquals(List.of("何强"), names(members("luoyang", "{nameContains: \"强\"}")));
        assertEquals(List.of("张敏"), names(members("luoyang", "{nameStartsWith: \"张\"}")));
        assertEquals(List.of("周淑芬"), names(members("luoyang", "{nameContains: \"周淑芬\"}")));
        assertEquals(List.of("何强"), names(members("luoyang", "{phone: \"138 0379 1001\"}")));
        assertEquals(List.of("何强"), names(members("luoyang", "{idNumber: \"" + HE_QIANG_ID.toLowerCase() + "\"}")));
        assertEquals(List.of("周淑芬"), names(members("luoyang", "{idNumber: \"" + ZHOU_ID + "\"}")));
        assertEquals(List.of("杨帆", "孙涛"), names(members("luoyang", "{keyGroups: [COURIER, TRUCK_DRIVER]}")));
        assertEquals(List.of("张敏", "周淑芬"), names(members("luoyang", "{statuses: [RETAINED]}")));
        assertEquals(List.of("杨帆", "孙涛"), names(members("luoyang", "{newEmploymentForm: true}")));
        assertEquals(List.of("王伟", "杨帆"), names(members("luoyang", "{migrantWorker: true}")));
        assertEquals(List.of("杨帆", "孙涛"), names(members("luoyang", "{joinedFrom: \"2021-01-01\", joinedTo: \"2023-12-31\"}")));
        assertEquals(List.of("何强", "李娜", "王伟", "张敏", "黄丽"), names(members("jili", "{unionId: 41030611, includeSubunions: false}")));
    }

    @Test
    void searchesStayInsideTheCallersSubtree() {
        assertEquals(List.of(), names(members("baicheng", "{phone: \"13803791001\"}")));
        assertEquals(List.of(), names(members("heyang-baoan", "{nameContains: \"刘洋\"}")));
        assertEquals(3, members("baicheng", "{}").<Integer>data("members.totalCount"));
        Result outside = members("baicheng", "{unionId: 41030611}");
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
        Result member = GraphQLClient.post(token("baicheng"), "{ member(id: 1) { id } }");
        assertEquals("NOT_FOUND", member.errorCode(), member::toString);
        assertNull(member.data("member"));
    }

    @Test
    void malformedSearchValuesAreValidationErrors() {
        Result phone = members("luoyang", "{phone: \"12345\"}");
        assertEquals("VALIDATION", phone.errorCode(), phone::toString);
        assertTrue(phone.errorMessage().startsWith("filter.phone"), phone::toString);
        Result id = members("luoyang", "{idNumber: \"440308199003141234\"}");
        assertEquals("VALIDATION", id.errorCode(), id::toString);
        assertTrue(id.errorMessage().startsWith("filter.idNumber"), id::toString);
    }

    @Test
    void sortedPagesFollowTheirCursorsToTheEnd() {
        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            Result result = GraphQLClient.post(token("luoyang"), """
                    query($after: String) { members(orderBy: {field: NAME, direction: DESC}, first: 4, after: $after) {
                      totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }""", after == null ? Map.of() : Map.of("after", after));
            assertFalse(result.hasErrors(), result::toString);
            seen.addAll(names(result));
            if (!result.<Boolean>data("members.pageInfo.hasNextPage")) {
                break;
            }
            after = result.data("members.pageInfo.endCursor");
        }
        List<String> expected = new ArrayList<>(seen);
        expected.sort(java.util.Comparator.<String>naturalOrder().reversed());
        assertEquals(11, seen.size());
        assertEquals(expected, seen);
        Result wrongSort = GraphQLClient.post(token("luoyang"), "query($after: String) { members(after: $after) { totalCount } }", Map.of("after", after));
        assertEquals("VALIDATION", wrongSort.errorCode(), wrongSort::toString);
    }

    @Test
    void unionsListTheirOwnMembersAndCountThoseThatCount() {
        Result result = GraphQLClient.post(token("heyang"), """
                { union(id: 4103061) { children { edges { node { id memberCount
                    members(statuses: [ACTIVE, RETAINED], first: 2) { totalCount edges { node { name } } } } } } } }""");
        assertFalse(result.hasErrors(), result::toString);
        List<Map<String, Object>> children = result.json().getList("data.union.children.edges.node");
        Map<String, Object> baoan = children.get(0);
        assertEquals(4, baoan.get("memberCount"));
        assertEquals(4, ((Map<?, ?>) baoan.get("members")).get("totalCount"));
        assertEquals(List.of("何强", "李娜"), result.json().getList("data.union.children.edges[0].node.members.edges.node.name"));
        assertEquals(3, children.get(1).get("memberCount"));
    }

    @Test
    void officialsOfTheMembersUnionAndTheUnionAboveMayRevealAndEachRevealIsAudited() {
        String reveal = "mutation($input: RevealPersonalDataInput!) { revealMemberPersonalData(input: $input) { memberId field value } }";
        Result own = GraphQLClient.post(token("heyang-baoan"), reveal, Map.of("input", Map.of("id", 1, "field", "ID_NUMBER", "reason", "核对困难帮扶申请人身份")));
        assertFalse(own.hasErrors(), own::toString);
        assertEquals(HE_QIANG_ID, own.data("revealMemberPersonalData.value"));
        Result above = GraphQLClient.post(token("heyang"), reveal, Map.of("input", Map.of("id", 1, "field", "PHONE", "reason", "联系会员办理接转")));
        assertEquals("13803791001", above.data("revealMemberPersonalData.value"), above::toString);

        assertEquals(2, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'revealMemberPersonalData' and target_id = 1"));
        assertEquals("sub-heyang-baoan|41030611|核对困难帮扶申请人身份|{\"revealed\": {\"after\": \"ID_NUMBER\", \"before\": null}}",
                DemoData.queryString(dataSource, "select actor_subject || '|' || actor_union_id || '|' || reason || '|' || changes::text from audit_event "
                        + "where operation = 'revealMemberPersonalData' order by id limit 1"));
        Result trail = GraphQLClient.post(token("heyang"), "{ auditEvents(filter: {operation: \"revealMemberPersonalData\"}) { edges { node { actorSubject targetId reason } } } }");
        assertEquals(List.of("联系会员办理接转", "核对困难帮扶申请人身份"), trail.json().getList("data.auditEvents.edges.node.reason"), trail::toString);
    }

    @Test
    void revealIsRefusedTwoLevelsUpOutsideTheScopeAndWithoutAReason() {
        String reveal = "mutation($input: RevealPersonalDataInput!) { revealMemberPersonalData(input: $input) { value } }";
        String before = DemoData.fingerprint(dataSource);
        Result county = GraphQLClient.post(token("jili"), reveal, Map.of("input", Map.of("id", 1, "field", "ID_NUMBER", "reason", "核对")));
        assertEquals("FORBIDDEN", county.errorCode(), county::toString);
        Result national = GraphQLClient.post(token("quanzong"), reveal, Map.of("input", Map.of("id", 1, "field", "ID_NUMBER", "reason", "核对")));
        assertEquals("FORBIDDEN", national.errorCode(), national::toString);
        Result sibling = GraphQLClient.post(token("shunda"), reveal, Map.of("input", Map.of("id", 1, "field", "ID_NUMBER", "reason", "核对")));
        assertEquals("NOT_FOUND", sibling.errorCode(), sibling::toString);
        Result noReason = GraphQLClient.post(token("heyang-baoan"), reveal, Map.of("input", Map.of("id", 1, "field", "ID_NUMBER", "reason", " ")));
        assertEquals("VALIDATION", noReason.errorCode(), noReason::toString);
        assertTrue(noReason.errorMessage().startsWith("reason"), noReason::toString);
        assertNull(noReason.data("revealMemberPersonalData"));
        assertEquals(before, DemoData.fingerprint(dataSource));
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from audit_event"));
    }

    @Test
    void oldKeyCiphertextsAreReEncryptedUnderTheActiveKeyAndStillReveal() throws SQLException {
        PersonalData old = new PersonalData("test-old:fjiBhPWDxUthFdgV0hmXcNK4mcQQgb22P/91dm3dgNs=", "test-old",
                "gWZfmFsXFvINsBapN1+kgLMFydl2ZWKupzNqh2jp0XI=");
        Sealed id = old.encrypt(Purpose.ID_NUMBER, HE_QIANG_ID);
        Sealed phone = old.encrypt(Purpose.PHONE, "13803791001");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update person set id_cipher = ?, id_key = ?, phone_cipher = ?, phone_key = ? where id = 1")) {
            s.setBytes(1, id.ciphertext());
            s.setString(2, id.keyId());
            s.setBytes(3, phone.ciphertext());
            s.setString(4, phone.keyId());
            s.executeUpdate();
        }
        String reveal = "mutation($input: RevealPersonalDataInput!) { revealMemberPersonalData(input: $input) { value } }";
        Result beforeRotation = GraphQLClient.post(token("heyang-baoan"), reveal, Map.of("input", Map.of("id", 1, "field", "ID_NUMBER", "reason", "核对")));
        assertEquals(HE_QIANG_ID, beforeRotation.data("revealMemberPersonalData.value"), beforeRotation::toString);

        assertEquals(1, rotation.reencryptBatch());
        assertEquals(0, rotation.reencryptBatch());
        assertEquals("test-1|test-1", DemoData.queryString(dataSource, "select id_key || '|' || phone_key from person where id = 1"));
        Result afterRotation = GraphQLClient.post(token("heyang-baoan"), reveal, Map.of("input", Map.of("id", 1, "field", "PHONE", "reason", "核对")));
        assertEquals("13803791001", afterRotation.data("revealMemberPersonalData.value"), afterRotation::toString);
    }

    @Test
    void theDatabaseItselfRefusesASecondOpenMembershipForOnePerson() {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                    insert into membership (person_id, person_hash, name, union_id, status, card_number, joined_on)
                    select id, id_hash, name, 22080211, 'ACTIVE', 'GH-DUPLICATE', current_date from person where id = 1""")) {
                s.executeUpdate();
            }
        });
        assertEquals("23505", refused.getSQLState());
        assertTrue(refused.getMessage().contains("membership_one_open_idx"), refused::getMessage);
    }

    @Test
    void theKeyedHashDependsOnThePurpose() {
        PersonalData data = new PersonalData("k:fjiBhPWDxUthFdgV0hmXcNK4mcQQgb22P/91dm3dgNs=", "k", "gWZfmFsXFvINsBapN1+kgLMFydl2ZWKupzNqh2jp0XI=");
        assertNotEquals(java.util.HexFormat.of().formatHex(data.hash(Purpose.ID_NUMBER, "13803791001")),
                java.util.HexFormat.of().formatHex(data.hash(Purpose.PHONE, "13803791001")));
    }
}
