package org.gonghui.roster;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gonghui.testing.AuthorizationMatrix;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Roster imports × every tier's relation to the union: the upload ({@code POST /imports/roster}, a
 * dry run here) and the job queries ({@code rosterImport}, its failures, {@code rosterImports}) are for
 * officials of the union and of every union above it; officials of sibling and other subtrees get
 * NOT_FOUND (404 for the upload), members FORBIDDEN (403), anonymous callers UNAUTHENTICATED (401). The
 * union is 41030611 河阳保安; the fixture is a finished dry-run job of it with one failed row.
 */
@QuarkusTestWithOidc
class RosterAuthorizationMatrixTests extends AuthorizationMatrix<RosterAuthorizationMatrixTests.Operation, Long> {

    enum Operation {
        UPLOAD, JOB, JOB_FAILURES, JOBS
    }

    static final long UNION = 41030611;
    static final String HEADER = "姓名,身份证号,手机号,工作单位,统一社会信用代码,职业,重点群体,新就业形态,农民工,入会日期";
    /** One row whose ID number fails its check character: the job ends with one failure and writes nothing. */
    static final byte[] ROSTER = (HEADER + "\r\n" + "刘一,410311198001010010,,,,,,否,否,2024-03-01\r\n").getBytes(StandardCharsets.UTF_8);

    static final Map<Official, Relation> CALLERS = Map.ofEntries(
            Map.entry(Official.HEYANG_BAOAN, Relation.OWN), Map.entry(Official.HEYANG, Relation.PARENT), Map.entry(Official.JILI, Relation.ANCESTOR),
            Map.entry(Official.LUOYANG, Relation.ANCESTOR), Map.entry(Official.HENAN, Relation.ANCESTOR), Map.entry(Official.QUANZONG, Relation.ANCESTOR),
            Map.entry(Official.SHUNDA, Relation.SIBLING), Map.entry(Official.KANGLE, Relation.SIBLING), Map.entry(Official.RUYANG, Relation.SIBLING),
            Map.entry(Official.BAICHENG, Relation.OUTSIDE), Map.entry(Official.JILIN, Relation.OUTSIDE));

    @Override
    protected List<Cell<Operation, Long>> cells() {
        List<Cell<Operation, Long>> cells = new ArrayList<>();
        for (Official official : Official.values()) {
            Relation relation = CALLERS.get(official);
            boolean sees = relation == Relation.OWN || relation == Relation.PARENT || relation == Relation.ANCESTOR;
            for (Operation operation : Operation.values()) {
                cells.add(cell(official.username, relation, operation, UNION, sees ? OK : NOT_FOUND));
            }
        }
        cells.addAll(memberAndAnonymous(Operation.values(), UNION, List.of()));
        return cells;
    }

    @Override
    protected boolean writes(Operation operation) {
        return operation == Operation.UPLOAD;
    }

    /** A finished dry-run job of the union, uploaded by its own official. */
    @Override
    protected void fixtures() {
        if (DemoData.queryLong(dataSource(), "select count(*) from roster_import where union_id = " + UNION) > 0) {
            return;
        }
        String token = token(Official.HEYANG_BAOAN.username);
        Response response = upload(token, UNION);
        assertEquals(202, response.statusCode(), response::asString);
        awaitEnd(token, response.jsonPath().getString("id"));
    }

    private static long job() {
        return DemoData.queryLong(dataSource(), "select min(id) from roster_import where union_id = " + UNION);
    }

    @Override
    protected void assertAllowed(Cell<Operation, Long> cell, Result result, String before) {
        switch (cell.operation()) {
            // the background job must end before the demo data is restored under it
            case UPLOAD -> assertEquals(1, awaitEnd(token(cell.caller()), result.json().getString("id")).json().getInt("data.rosterImport.failedRows"));
            case JOB_FAILURES -> assertEquals(List.of("INVALID_ID_NUMBER"),
                    result.json().getList("data.rosterImport.failures.edges.node.code", String.class), result::toString);
            case JOBS -> assertEquals(List.of(String.valueOf(job())), result.json().getList("data.rosterImports.edges.node.id", String.class),
                    result::toString);
            default -> {
            }
        }
    }

    @Override
    protected Call call(String token, Operation operation, Long union) {
        return switch (operation) {
            case UPLOAD -> {
                Response response = upload(token, union);
                yield new Call(new Result(response.statusCode(), response.contentType(), response.asString()), "id", true, false);
            }
            case JOB -> graphql(token, "rosterImport", "query($id: ID!) { rosterImport(id: $id) { id state union { id } } }", Map.of("id", job()));
            case JOB_FAILURES -> graphql(token, "rosterImport",
                    "query($id: ID!) { rosterImport(id: $id) { id failures(first: 10) { edges { node { row code } } } } }", Map.of("id", job()));
            case JOBS -> graphql(token, "rosterImports", "query($u: ID) { rosterImports(unionId: $u) { edges { node { id } } } }", Map.of("u", union));
        };
    }

    private static Response upload(String token, long union) {
        RequestSpecification request = given().contentType("text/csv").body(ROSTER);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/imports/roster?dryRun=true&unionId=" + union);
    }

    /** Polls the job until it ends (bounded). */
    private static Result awaitEnd(String token, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Result result = GraphQLClient.post(token, "query($id: ID!) { rosterImport(id: $id) { state failedRows } }", Map.of("id", id));
            assertFalse(result.hasErrors(), result::toString);
            String state = result.data("rosterImport.state");
            if ("SUCCEEDED".equals(state) || "FAILED".equals(state)) {
                return result;
            }
            assertTrue(System.nanoTime() < deadline, "job " + id + " did not end within 60 s: " + result);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
