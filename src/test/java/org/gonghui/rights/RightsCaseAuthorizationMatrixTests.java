package org.gonghui.rights;

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
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;

import io.restassured.path.json.JsonPath;

/**
 * Rights cases × every tier's relation to a case handled by 41030611 河阳保安 (under 4103061 河阳街道 <
 * 410306 吉利区 < 4103 洛阳 < 41 河南 < 1 全总): officials of the handling union and of the union directly
 * above it act (FULL reach); officials further up see the summary and are FORBIDDEN to act; officials of
 * sibling and other subtrees do not see the case (NOT_FOUND); the worker reads and confirms their own case,
 * another worker's is NOT_FOUND to them; members are FORBIDDEN the officials' operations; anonymous callers
 * UNAUTHENTICATED. The fixture: the demo member login ("worker") is linked to member 1 何强 and has a
 * SUBMITTED, an ACCEPTED and a RESOLVED case; a recorded case belongs to another worker's login.
 */
@QuarkusTestWithOidc
class RightsCaseAuthorizationMatrixTests
        extends AuthorizationMatrix<RightsCaseAuthorizationMatrixTests.Operation, RightsCaseAuthorizationMatrixTests.Target> {

    enum Operation {
        SUBMIT, RECORD, VIEW, QUEUE, MY_CASES, ACCEPT, DECLINE, START, ADD_STEP, REFER, RESOLVE, CONFIRM, REVEAL
    }

    /** What a cell acts on. */
    enum Target {
        SUBMITTED_CASE("WAGE_ARREARS"), ACCEPTED_CASE("WORK_INJURY"), RESOLVED_CASE("LABOUR_CONTRACT"), ANOTHER_WORKERS_CASE("GRIEVANCE"), NONE(null);

        final String category;

        Target(String category) {
            this.category = category;
        }
    }

    static final String ANOTHER_WORKER = "sub-another-worker";

    static final Map<Official, Relation> CALLERS = Map.ofEntries(
            Map.entry(Official.HEYANG_BAOAN, Relation.OWN), Map.entry(Official.HEYANG, Relation.PARENT),
            Map.entry(Official.JILI, Relation.ANCESTOR), Map.entry(Official.LUOYANG, Relation.ANCESTOR), Map.entry(Official.HENAN, Relation.ANCESTOR),
            Map.entry(Official.QUANZONG, Relation.ANCESTOR), Map.entry(Official.SHUNDA, Relation.SIBLING), Map.entry(Official.KANGLE, Relation.SIBLING),
            Map.entry(Official.RUYANG, Relation.OUTSIDE), Map.entry(Official.BAICHENG, Relation.OUTSIDE), Map.entry(Official.JILIN, Relation.OUTSIDE));

    static Target target(Operation operation) {
        return switch (operation) {
            case SUBMIT, RECORD, QUEUE, MY_CASES -> Target.NONE;
            case START, RESOLVE -> Target.ACCEPTED_CASE;
            case CONFIRM -> Target.RESOLVED_CASE;
            default -> Target.SUBMITTED_CASE;
        };
    }

    @Override
    protected List<Cell<Operation, Target>> cells() {
        List<Cell<Operation, Target>> cells = new ArrayList<>();
        for (Official official : Official.values()) {
            Relation relation = CALLERS.get(official);
            for (Operation operation : Operation.values()) {
                String expected = switch (operation) {
                    case SUBMIT, CONFIRM -> FORBIDDEN; // workers' own operations
                    case MY_CASES -> OK; // an official's own cases: none
                    case VIEW, QUEUE, RECORD -> switch (relation) {
                        case OWN, PARENT, ANCESTOR -> OK;
                        default -> NOT_FOUND;
                    };
                    default -> switch (relation) {
                        case OWN, PARENT -> OK;
                        case ANCESTOR -> FORBIDDEN;
                        default -> NOT_FOUND;
                    };
                };
                cells.add(cell(official.username, relation, operation, target(operation), expected));
            }
        }
        for (Operation operation : Operation.values()) {
            String expected = switch (operation) {
                case SUBMIT, VIEW, MY_CASES, CONFIRM -> OK;
                default -> FORBIDDEN;
            };
            cells.add(cell(MEMBER, Relation.MEMBER, operation, target(operation), expected));
            cells.add(cell(null, Relation.ANONYMOUS, operation, target(operation), UNAUTHENTICATED));
        }
        // the worker on another worker's case: as if it did not exist
        cells.add(cell(MEMBER, Relation.ANOTHER_MEMBER, Operation.VIEW, Target.ANOTHER_WORKERS_CASE, NOT_FOUND));
        cells.add(cell(MEMBER, Relation.ANOTHER_MEMBER, Operation.CONFIRM, Target.ANOTHER_WORKERS_CASE, NOT_FOUND));
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return switch (operation) {
            case VIEW, QUEUE, MY_CASES -> false;
            default -> true; // a reveal leaves an audit record
        };
    }

    /** The subject the token of a login carries (a real Keycloak's is a UUID). */
    static String subjectOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }

    @Override
    protected void fixtures() {
        RightsFixtures.linkWorker(dataSource(), subjectOf(token(MEMBER)));
        if (DemoData.queryLong(dataSource(), "select count(*) from rights_case") > 0) {
            return;
        }
        String worker = token(MEMBER);
        String official = token(Official.HEYANG_BAOAN.username);
        for (Target t : List.of(Target.SUBMITTED_CASE, Target.ACCEPTED_CASE, Target.RESOLVED_CASE)) {
            Result submitted = RightsFixtures.ok(RightsFixtures.post(worker, RightsFixtures.SUBMIT,
                    Map.of("input", RightsFixtures.submitInput(t.category, "洛阳某物流有限公司"))));
            if (t != Target.SUBMITTED_CASE) {
                Result accepted = RightsFixtures.ok(RightsFixtures.post(official, RightsFixtures.ACCEPT, RightsFixtures.idVersion(submitted, "submitRightsCase")));
                if (t == Target.RESOLVED_CASE) {
                    RightsFixtures.ok(RightsFixtures.post(official, RightsFixtures.RESOLVE,
                            RightsFixtures.with(RightsFixtures.idVersion(accepted, "acceptRightsCase"), "o", "ADVICE_GIVEN")));
                }
            }
        }
        RightsFixtures.ok(RightsFixtures.post(official, RightsFixtures.RECORD, Map.of("input", Map.of("category", Target.ANOTHER_WORKERS_CASE.category,
                "channel", "HOTLINE", "description", "投诉班组长辱骂", "workerName", "张三", "contactPhone", "13912345678", "employerName", "洛阳某建筑工地"))));
        DemoData.execute(dataSource(), "update rights_case set worker_subject = '" + ANOTHER_WORKER + "' where category = 'GRIEVANCE'");
    }

    static long caseOf(Target target) {
        return DemoData.queryLong(dataSource(), "select id from rights_case where category = '" + target.category + "'");
    }

    static final String SUMMARY = "id status version descriptionMasked description employerName workerNameMasked handlingUnion { id } "
            + "steps { kind actor }";

    @Override
    protected Call call(String token, Operation operation, Target target) {
        long id = target == Target.NONE ? 0 : caseOf(target);
        int version = target == Target.NONE ? 0 : RightsFixtures.version(dataSource(), id);
        Map<String, Object> iv = Map.of("id", id, "v", version);
        return switch (operation) {
            case SUBMIT -> graphql(token, "submitRightsCase", "mutation($input: SubmitRightsCaseInput!) { submitRightsCase(input: $input) { id } }",
                    Map.of("input", RightsFixtures.submitInput("SOCIAL_INSURANCE", "洛阳某物流有限公司")));
            case RECORD -> graphql(token, "recordRightsCase", "mutation($input: RecordRightsCaseInput!) { recordRightsCase(input: $input) { id } }",
                    Map.of("input", Map.of("category", "LEGAL_AID", "channel", "WALK_IN", "description", "申请法律援助", "workerName", "王五",
                            "contactPhone", "13712345678", "handlingUnionId", 41030611)));
            case VIEW -> graphql(token, "rightsCase", "query($id: ID!) { rightsCase(id: $id) { " + SUMMARY + " } }", Map.of("id", id));
            case QUEUE -> graphql(token, "rightsCases", "{ rightsCases(filter: {unionId: 41030611}) { totalCount edges { node { " + SUMMARY + " } } } }",
                    Map.of());
            case MY_CASES -> graphql(token, "me", "{ me { rightsCases { totalCount edges { node { " + SUMMARY + " } } } } }", Map.of());
            case ACCEPT -> graphql(token, "acceptRightsCase", "mutation($id: ID!, $v: Int!) { acceptRightsCase(id: $id, version: $v) { id status } }", iv);
            case DECLINE -> graphql(token, "declineRightsCase",
                    "mutation($id: ID!, $v: Int!) { declineRightsCase(id: $id, version: $v, reason: \"不属于受理范围\") { id status } }", iv);
            case START -> graphql(token, "startRightsCase", "mutation($id: ID!, $v: Int!) { startRightsCase(id: $id, version: $v) { id status } }", iv);
            case ADD_STEP -> graphql(token, "addRightsCaseStep",
                    "mutation($id: ID!, $v: Int!) { addRightsCaseStep(id: $id, version: $v, kind: CONTACT, text: \"电话联系职工\") { id status } }", iv);
            case REFER -> graphql(token, "referRightsCase",
                    "mutation($id: ID!, $v: Int!) { referRightsCase(id: $id, version: $v, reason: \"需上级协调\") { id status } }", iv);
            case RESOLVE -> graphql(token, "resolveRightsCase",
                    "mutation($id: ID!, $v: Int!) { resolveRightsCase(id: $id, version: $v, outcome: MEDIATED_AGREEMENT) { id status } }", iv);
            case CONFIRM -> graphql(token, "confirmRightsCase",
                    "mutation($id: ID!, $v: Int!) { confirmRightsCase(id: $id, version: $v, rating: 4) { id status } }", iv);
            case REVEAL -> graphql(token, "revealRightsCase", "mutation($id: ID!) { revealRightsCase(id: $id, reason: \"核实诉求\") { id description } }",
                    Map.of("id", id));
        };
    }

    @Override
    protected void assertAllowed(Cell<Operation, Target> cell, Result result, String before) {
        String path = switch (cell.operation()) {
            case VIEW -> "rightsCase";
            case QUEUE -> "rightsCases.edges[0].node";
            case MY_CASES -> "me.rightsCases.edges[0].node";
            default -> null;
        };
        switch (cell.operation()) {
            case VIEW, QUEUE, MY_CASES -> {
                if (cell.relation() == Relation.MEMBER) {
                    if (cell.operation() == Operation.MY_CASES) {
                        assertEquals(3, (int) result.data("me.rightsCases.totalCount"), result::toString);
                    }
                    // the worker: their own words, no union record, nobody's identity in the steps
                    assertNotNull(result.data(path + ".description"), result::toString);
                    assertNull(result.data(path + ".descriptionMasked"), result::toString);
                    assertNull(result.data(path + ".handlingUnion"), result::toString);
                    assertEquals(List.of(), result.json().getList("data." + path + ".steps.actor").stream().filter(a -> a != null).toList());
                } else if (cell.operation() == Operation.MY_CASES) {
                    assertEquals(0, (int) result.data("me.rightsCases.totalCount"), "an official's own cases are none: " + result);
                } else {
                    if (cell.operation() == Operation.QUEUE) {
                        assertEquals(4, (int) result.data("rightsCases.totalCount"), result::toString);
                    }
                    assertNull(result.data(path + ".description"), result::toString);
                    assertNotNull(result.data(path + ".handlingUnion.id"), result::toString);
                    assertNotNull(result.data(path + ".workerNameMasked"), result::toString);
                    if (cell.relation() == Relation.ANCESTOR) {
                        // SUMMARY reach: no text, no employer, nobody's identity in the steps
                        assertNull(result.data(path + ".descriptionMasked"), result::toString);
                        assertNull(result.data(path + ".employerName"), result::toString);
                        assertEquals(List.of(), result.json().getList("data." + path + ".steps.actor").stream().filter(a -> a != null).toList());
                    } else {
                        assertNotNull(result.data(path + ".descriptionMasked"), result::toString);
                        assertNotNull(result.data(path + ".employerName"), result::toString);
                        assertNotNull(result.data(path + ".steps[0].actor"), result::toString);
                    }
                }
            }
            case REVEAL -> assertEquals(1, DemoData.queryLong(dataSource(), "select count(*) from audit_event where operation = 'revealRightsCase'"),
                    "a reveal leaves one audit record");
            case ACCEPT -> assertEquals("ACCEPTED", result.data("acceptRightsCase.status"));
            case DECLINE -> assertEquals("DECLINED", result.data("declineRightsCase.status"));
            case START -> assertEquals("IN_PROGRESS", result.data("startRightsCase.status"));
            case REFER -> assertEquals("SUBMITTED", result.data("referRightsCase.status"));
            case RESOLVE -> assertEquals("RESOLVED", result.data("resolveRightsCase.status"));
            case CONFIRM -> assertEquals("CLOSED", result.data("confirmRightsCase.status"));
            case SUBMIT, RECORD, ADD_STEP -> assertFalse(result.hasErrors(), result::toString);
        }
    }
}
