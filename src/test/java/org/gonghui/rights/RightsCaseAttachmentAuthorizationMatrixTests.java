package org.gonghui.rights;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Attachments of a rights case × every tier's relation to the case, by the case's reach: the worker
 * whose case it is (the demo member login) and the officials of the handling union 41030611 河阳保安
 * and of the union directly above it, 4103061 河阳街道, add, list and download; officials higher up
 * (SUMMARY) are FORBIDDEN to add and get NOT_FOUND for the material; officials of sibling and other
 * subtrees NOT_FOUND; anonymous callers UNAUTHENTICATED. The fixture is a case of the demo worker with
 * one attachment. Allowed cells are checked by hand (201 and 200 rather than the base's 202).
 */
@QuarkusTestWithOidc
class RightsCaseAttachmentAuthorizationMatrixTests extends AuthorizationMatrix<RightsCaseAttachmentAuthorizationMatrixTests.Operation, String> {

    enum Operation {
        UPLOAD, LIST, DOWNLOAD
    }

    static final long HANDLING = 41030611;
    static final String REASON = "核实材料 (checking the material)";

    static final Map<Official, Relation> CALLERS = Map.ofEntries(
            Map.entry(Official.HEYANG_BAOAN, Relation.OWN), Map.entry(Official.HEYANG, Relation.PARENT), Map.entry(Official.JILI, Relation.ANCESTOR),
            Map.entry(Official.LUOYANG, Relation.ANCESTOR), Map.entry(Official.HENAN, Relation.ANCESTOR), Map.entry(Official.QUANZONG, Relation.ANCESTOR),
            Map.entry(Official.SHUNDA, Relation.SIBLING), Map.entry(Official.KANGLE, Relation.SIBLING), Map.entry(Official.RUYANG, Relation.SIBLING),
            Map.entry(Official.BAICHENG, Relation.OUTSIDE), Map.entry(Official.JILIN, Relation.OUTSIDE));

    @Override
    protected List<Cell<Operation, String>> cells() {
        List<Cell<Operation, String>> cells = new ArrayList<>();
        for (Official official : Official.values()) {
            Relation relation = CALLERS.get(official);
            for (Operation operation : Operation.values()) {
                if (relation == Relation.OWN || relation == Relation.PARENT) {
                    cells.add(check(official.username, relation, operation, null, OK, () -> allowed(official.username, operation)));
                } else if (relation == Relation.ANCESTOR) {
                    cells.add(cell(official.username, relation, operation, null, operation == Operation.UPLOAD ? FORBIDDEN : NOT_FOUND));
                } else {
                    cells.add(cell(official.username, relation, operation, null, NOT_FOUND));
                }
            }
        }
        for (Operation operation : Operation.values()) {
            cells.add(check(MEMBER, Relation.MEMBER, operation, null, OK, () -> allowed(MEMBER, operation)));
            cells.add(cell(null, Relation.ANONYMOUS, operation, null, UNAUTHENTICATED));
        }
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation != Operation.LIST;
    }

    /** A case of the demo worker (their login's subject, read from its token) handled by 河阳保安, with one attachment. */
    @Override
    protected void fixtures() {
        if (DemoData.queryLong(dataSource(), "select count(*) from rights_case where handling_union_id = " + HANDLING) > 0) {
            return;
        }
        String subject = subjectOf(token(MEMBER)).replace("'", "''");
        DemoData.execute(dataSource(), """
                insert into rights_case (category, channel, status, worker_subject, description_cipher, description_key,
                                         received_union_id, handling_union_id, submitted_by, accept_due)
                values ('LABOUR_CONTRACT', 'APP', 'SUBMITTED', '%s', '\\x00', 'test-1', %d, %d, '%s', current_date + 3)"""
                .formatted(subject, HANDLING, HANDLING, subject));
        Response added = upload(token(Official.HEYANG_BAOAN.username), caseId(), AttachmentSamples.pdf());
        assertEquals(201, added.statusCode(), added::asString);
    }

    static String subjectOf(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)).getString("sub");
    }

    private static long caseId() {
        return DemoData.queryLong(dataSource(), "select min(id) from rights_case where handling_union_id = " + HANDLING);
    }

    private static long attachmentId() {
        return DemoData.queryLong(dataSource(), "select min(id) from rights_case_attachment where case_id = " + caseId());
    }

    @Override
    protected Call call(String token, Operation operation, String ignored) {
        Response response = request(token, operation);
        return new Call(new Result(response.statusCode(), response.contentType(), response.asString()),
                operation == Operation.LIST ? "attachments" : "id", true, false);
    }

    private Response request(String token, Operation operation) {
        return switch (operation) {
            case UPLOAD -> upload(token, caseId(), AttachmentSamples.plainPng(12, 12, false, false));
            case LIST -> authorized(token).get("/rights-cases/" + caseId() + "/attachments");
            case DOWNLOAD -> authorized(token).queryParam("reason", REASON).get("/rights-cases/" + caseId() + "/attachments/" + attachmentId());
        };
    }

    /** An allowed cell: the answer, what it wrote, and the demo data restored. */
    private void allowed(String username, Operation operation) {
        fixtures();
        long audits = DemoData.queryLong(dataSource(), "select count(*) from audit_event");
        Response response = request(token(username), operation);
        switch (operation) {
            case UPLOAD -> {
                assertEquals(201, response.statusCode(), response::asString);
                assertEquals("image/png", response.jsonPath().getString("contentType"));
                assertEquals(2, DemoData.queryLong(dataSource(), "select count(*) from rights_case_attachment"));
                assertEquals(audits + 1, DemoData.queryLong(dataSource(), "select count(*) from audit_event"));
                assertEquals(2, DemoData.queryLong(dataSource(), "select count(*) from audit_event where operation = 'addRightsCaseAttachment'"));
            }
            case LIST -> {
                assertEquals(200, response.statusCode(), response::asString);
                assertEquals(List.of(Long.toString(attachmentId())), response.jsonPath().getList("attachments.id", String.class));
            }
            case DOWNLOAD -> {
                assertEquals(200, response.statusCode(), response::asString);
                assertEquals("application/pdf", response.contentType());
                assertTrue(response.header("Content-Disposition").startsWith("attachment; filename=\"case-"), response.header("Content-Disposition"));
                assertEquals(audits + 1, DemoData.queryLong(dataSource(), "select count(*) from audit_event"));
            }
        }
        restore();
    }

    private static RequestSpecification authorized(String token) {
        RequestSpecification request = given();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static Response upload(String token, long caseId, byte[] file) {
        return authorized(token).contentType("application/octet-stream").body(file).post("/rights-cases/" + caseId + "/attachments");
    }
}
