package org.gonghui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** Every mutation leaves an audit record in its own transaction; officials read their subtree's trail. */
@QuarkusTestWithOidc
class AuditTrailTests {

    static final String UPDATE = "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { id } }";
    static final String TRAIL = """
            query($filter: AuditFilter, $first: Int, $after: String) { auditEvents(filter: $filter, first: $first, after: $after) {
              edges { node { id operation targetType targetId actorSubject actorRole actorUnionId requestId occurredAt
                changes { field before after } } } pageInfo { hasNextPage endCursor } } }""";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    private Result updateChair(String username, long unionId, String chair) {
        return GraphQLClient.post(Tokens.forDemoUser(username), UPDATE,
                Map.of("input", Map.of("id", unionId, "version", DemoData.version(dataSource, unionId), "chairName", chair)),
                Map.of("X-Request-Id", "req-" + unionId + "-" + chair.hashCode()));
    }

    @Test
    void updateRecordsWhoWhatWhenAndTheRequest() {
        assertFalse(updateChair("jili", 4103061, "李新").hasErrors());
        Result trail = GraphQLClient.post(Tokens.forDemoUser("jili"), TRAIL, Map.of());
        assertFalse(trail.hasErrors(), trail::toString);
        assertEquals("updateUnion", trail.data("auditEvents.edges[0].node.operation"));
        assertEquals("4103061", trail.data("auditEvents.edges[0].node.targetId"));
        assertEquals("sub-jili", trail.data("auditEvents.edges[0].node.actorSubject"));
        assertEquals("county-admin", trail.data("auditEvents.edges[0].node.actorRole"));
        assertEquals("410306", trail.data("auditEvents.edges[0].node.actorUnionId"));
        assertEquals("req-4103061-" + "李新".hashCode(), trail.data("auditEvents.edges[0].node.requestId"));
        assertEquals(List.of(Map.of("field", "chairName", "before", "马丽", "after", "李新")),
                trail.json().getList("data.auditEvents.edges[0].node.changes"));
    }

    @Test
    void everyMutationIsAudited() {
        String national = Tokens.forDemoUser("quanzong");
        Result created = GraphQLClient.post(national, "mutation { createUnion(input: {parentId: 4103061, level: GRASSROOTS, kind: JOINT, name: \"联合工会\"}) { id version } }");
        String id = created.data("createUnion.id");
        GraphQLClient.post(national, "mutation($id: ID!) { moveUnion(input: {id: $id, version: 0, newParentId: 4103062}) { id } }", Map.of("id", id));
        Result dissolved = GraphQLClient.post(national, "mutation($id: ID!) { dissolveUnion(input: {id: $id, version: 1, reason: \"合并\"}) { id } }", Map.of("id", id));
        assertFalse(dissolved.hasErrors(), dissolved::toString);
        Result trail = GraphQLClient.post(national, TRAIL, Map.of());
        assertEquals(List.of("dissolveUnion", "moveUnion", "createUnion"), trail.json().getList("data.auditEvents.edges.node.operation"));
        assertEquals(List.of(Map.of("field", "parentId", "before", "4103061", "after", "4103062")),
                trail.json().getList("data.auditEvents.edges[1].node.changes"));
    }

    @Test
    void refusedMutationLeavesNoRecord() {
        Result refused = GraphQLClient.post(Tokens.forDemoUser("jili"), UPDATE,
                Map.of("input", Map.of("id", 4103061, "version", 99, "chairName", "x")));
        assertEquals("CONFLICT", refused.errorCode());
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from audit_event"));
    }

    @Test
    void whenTheAuditRecordCannotBeWrittenTheChangeIsRolledBack() {
        String before = DemoData.fingerprint(dataSource);
        DemoData.execute(dataSource, """
                create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$;
                create trigger refuse_audit before insert on audit_event for each row execute function refuse_audit();""");
        try {
            Result result = updateChair("jili", 4103061, "李新");
            assertEquals("INTERNAL", result.errorCode(), result::toString);
            assertNull(result.data("updateUnion"));
        } finally {
            DemoData.execute(dataSource, "drop trigger refuse_audit on audit_event; drop function refuse_audit();");
        }
        assertEquals(before, DemoData.fingerprint(dataSource));
    }

    @Test
    void officialsSeeOnlyTheirSubtreesTrail() {
        updateChair("jili", 4103061, "甲");
        updateChair("ruyang", 4103261, "乙");
        Result jili = GraphQLClient.post(Tokens.forDemoUser("jili"), TRAIL, Map.of());
        assertEquals(List.of("4103061"), jili.json().getList("data.auditEvents.edges.node.targetId"));
        Result luoyang = GraphQLClient.post(Tokens.forDemoUser("luoyang"), TRAIL, Map.of());
        assertEquals(List.of("4103261", "4103061"), luoyang.json().getList("data.auditEvents.edges.node.targetId"));
        Result outside = GraphQLClient.post(Tokens.forDemoUser("jili"), TRAIL, Map.of("filter", Map.of("under", 410326)));
        assertEquals("NOT_FOUND", outside.errorCode());
        assertTrue(outside.errorMessage().startsWith("filter.under:"), outside::toString);
        Result members = GraphQLClient.post(Tokens.forDemoUser("worker"), TRAIL, Map.of());
        assertEquals("FORBIDDEN", members.errorCode());
    }

    @Test
    void trailIsFilteredAndPagedNewestFirst() {
        for (String chair : List.of("一", "二", "三")) {
            updateChair("jili", 4103061, chair);
        }
        updateChair("jili", 4103062, "四");
        Result under = GraphQLClient.post(Tokens.forDemoUser("jili"), TRAIL, Map.of("filter", Map.of("under", 4103061), "first", 2));
        assertEquals(List.of("4103061", "4103061"), under.json().getList("data.auditEvents.edges.node.targetId"));
        assertEquals(true, under.data("auditEvents.pageInfo.hasNextPage"));
        Result next = GraphQLClient.post(Tokens.forDemoUser("jili"), TRAIL,
                Map.of("filter", Map.of("under", 4103061), "first", 2, "after", under.data("auditEvents.pageInfo.endCursor")));
        assertEquals(List.of(Map.of("field", "chairName", "before", "马丽", "after", "一")),
                next.json().getList("data.auditEvents.edges[0].node.changes"));
        assertEquals(false, next.data("auditEvents.pageInfo.hasNextPage"));
        Result byOperation = GraphQLClient.post(Tokens.forDemoUser("jili"), TRAIL, Map.of("filter", Map.of("operation", "moveUnion")));
        assertEquals(List.of(), byOperation.json().getList("data.auditEvents.edges"));
    }
}
