package org.gonghui.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.Tokens;

/** Shared requests of the rights-case tests: the demo worker linked to member 1 何强 of 41030611 河阳保安, and the case operations. */
final class RightsFixtures {

    /** 河阳保安's own employer (the host employer of enterprise union 41030611). */
    static final String HOST_CREDIT_CODE = "91410306MA44X1B2CC";

    static final String CASE = "id category channel status version submittedAt acceptDue resolveDue deadlineFallback overdue escalated "
            + "escalatedToUnionId handlingUnionId handlingUnionName receivedUnionId referredFromUnionIds workerNameMasked memberId employerName "
            + "description descriptionMasked contactPhoneMasked amountClaimedYuan assignedTo declineReason outcome outcomeText wagesRecoveredYuan "
            + "resolveWorkingDays rating ratingComment steps { id kind internal at unionId toUnionId actor hasText }";

    static final String SUBMIT = "mutation($input: SubmitRightsCaseInput!) { submitRightsCase(input: $input) { " + CASE + " } }";
    static final String RECORD = "mutation($input: RecordRightsCaseInput!) { recordRightsCase(input: $input) { " + CASE + " } }";
    static final String VIEW = "query($id: ID!) { rightsCase(id: $id) { " + CASE + " } }";
    static final String ACCEPT = "mutation($id: ID!, $v: Int!) { acceptRightsCase(id: $id, version: $v) { " + CASE + " } }";
    static final String DECLINE = "mutation($id: ID!, $v: Int!, $r: String!) { declineRightsCase(id: $id, version: $v, reason: $r) { " + CASE + " } }";
    static final String START = "mutation($id: ID!, $v: Int!) { startRightsCase(id: $id, version: $v) { " + CASE + " } }";
    static final String ADD_STEP = "mutation($id: ID!, $v: Int!, $k: RightsCaseNoteKind!, $t: String!) { addRightsCaseStep(id: $id, version: $v, "
            + "kind: $k, text: $t) { " + CASE + " } }";
    static final String REFER = "mutation($id: ID!, $v: Int!, $r: String!) { referRightsCase(id: $id, version: $v, reason: $r) { " + CASE + " } }";
    static final String RESOLVE = "mutation($id: ID!, $v: Int!, $o: RightsCaseOutcome!, $w: String, $t: String) { resolveRightsCase(id: $id, "
            + "version: $v, outcome: $o, wagesRecoveredYuan: $w, outcomeText: $t) { " + CASE + " } }";
    static final String CONFIRM = "mutation($id: ID!, $v: Int!, $r: Int!, $c: String) { confirmRightsCase(id: $id, version: $v, rating: $r, "
            + "comment: $c) { " + CASE + " } }";
    static final String REVEAL = "mutation($id: ID!, $r: String!) { revealRightsCase(id: $id, reason: $r) { id workerName contactPhone description "
            + "steps { id kind actor text } } }";
    static final String QUEUE = "query($f: RightsCaseFilter, $o: RightsCaseOrder, $first: Int, $after: String) { rightsCases(filter: $f, orderBy: $o, "
            + "first: $first, after: $after) { totalCount yearsWithoutSchedule pageInfo { endCursor hasNextPage } edges { cursor node { " + CASE
            + " handlingUnion { id name } receivedUnion { id } } } } }";
    static final String MINE = "{ me { rightsCases { totalCount edges { node { " + CASE + " handlingUnion { id } } } } } }";

    private RightsFixtures() {
    }

    /** Links the login with this token's subject to member 1 何强 (41030611). */
    static void linkWorker(DataSource dataSource, String subject) {
        String s = subject.replace("'", "''");
        DemoData.execute(dataSource, "update person set subject = '" + s + "' where id = (select person_id from membership where id = 1)"
                + " and subject is distinct from '" + s + "'");
    }

    static Map<String, Object> submitInput(String category, String employerName) {
        Map<String, Object> input = new HashMap<>(Map.of("category", category, "description", "公司拖欠我 3 个月工资共 12000 元, 多次讨要未果",
                "contactPhone", "138 0379 1001", "preferredContactTime", "工作日晚上", "amountClaimedYuan", "12000.00"));
        if (employerName != null) {
            input.put("employerName", employerName);
        }
        return input;
    }

    static Result post(String token, String query, Map<String, Object> variables) {
        return GraphQLClient.post(token, query, variables);
    }

    static Result as(String user, String query, Map<String, Object> variables) {
        return GraphQLClient.post(Tokens.forDemoUser(user), query, variables);
    }

    /** Asserts no errors and returns the result. */
    static Result ok(Result result) {
        assertEquals(List.of(), result.errors(), result::toString);
        return result;
    }

    static Map<String, Object> idVersion(Result result, String root) {
        return new HashMap<>(Map.of("id", result.<Object>data(root + ".id"), "v", result.<Object>data(root + ".version")));
    }

    static Map<String, Object> with(Map<String, Object> variables, Object... keyValues) {
        Map<String, Object> copy = new HashMap<>(variables);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put((String) keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }

    /** The current version of a case, read from the database. */
    static int version(DataSource dataSource, Object id) {
        return (int) DemoData.queryLong(dataSource, "select version from rights_case where id = " + id);
    }
}
