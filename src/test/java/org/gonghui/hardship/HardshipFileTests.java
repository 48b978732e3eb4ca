package org.gonghui.hardship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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


/** Hardship files: who may see them, the review workflow, encryption at rest and the audited read. */
@QuarkusTestWithOidc
class HardshipFileTests {

    static final String FILE = "id memberId level reasons status version household { size monthlyIncomeYuan dependents description } "
            + "steps { fromStatus toStatus actorSubject note occurredAt }";
    static final String OPEN = "mutation($input: OpenHardshipFileInput!) { openHardshipFile(input: $input) { " + FILE + " } }";
    static final String ADVANCE = "mutation($input: AdvanceHardshipFileInput!) { advanceHardshipFile(input: $input) { " + FILE + " } }";
    static final String READ = "query($m: ID!, $r: String!) { hardshipFile(memberId: $m, reason: $r) { " + FILE + " } }";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result post(String user, String query, Map<String, Object> variables) {
        return GraphQLClient.post(Tokens.forDemoUser(user), query, variables);
    }

    static Map<String, Object> openInput(long memberId) {
        return new HashMap<>(Map.of("memberId", memberId, "level", "SEVERE", "reasons", List.of("ILLNESS", "EDUCATION_COSTS"), "householdSize", 4,
                "monthlyIncomeYuan", "1850.00", "dependents", 2, "description", "配偶患尿毒症长期透析, 两子女在读"));
    }

    @Test
    void theMembersUnionOpensAFileWhoseHouseholdFactsAreEncryptedAtRest() {
        Result opened = post("heyang-baoan", OPEN, Map.of("input", openInput(1)));
        assertFalse(opened.hasErrors(), opened::toString);
        assertEquals("APPLIED", opened.data("openHardshipFile.status"));
        assertEquals("1850.00", opened.data("openHardshipFile.household.monthlyIncomeYuan"));
        assertEquals(List.of("APPLIED"), opened.json().getList("data.openHardshipFile.steps.toStatus"));
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from hardship_file where position(convert_to('透析', 'UTF8') in details_cipher) > 0"
                + " or position(convert_to('1850', 'UTF8') in details_cipher) > 0"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from hardship_file where details_key = 'test-1'"));
    }

    @Test
    void onlyTheOwnUnionAndTheUnionDirectlyAboveReadItAndEveryReadIsAuditedWithItsReason() {
        post("heyang-baoan", OPEN, Map.of("input", openInput(1)));
        DemoData.execute(dataSource, "truncate audit_event");
        Result parent = post("heyang", READ, Map.of("m", 1, "r", "核实帮扶对象"));
        assertFalse(parent.hasErrors(), parent::toString);
        assertEquals("配偶患尿毒症长期透析, 两子女在读", parent.data("hardshipFile.household.description"));
        assertEquals("sub-heyang|核实帮扶对象", DemoData.queryString(dataSource,
                "select actor_subject || '|' || reason from audit_event where operation = 'readHardshipFile' and target_id = 1"));

        String before = DemoData.fingerprint(dataSource);
        Result county = post("jili", READ, Map.of("m", 1, "r", "抽查"));
        assertEquals("FORBIDDEN", county.errorCode(), county::toString);
        assertNull(county.data("hardshipFile"));
        Result sibling = post("shunda", READ, Map.of("m", 1, "r", "抽查"));
        assertEquals("NOT_FOUND", sibling.errorCode(), sibling::toString);
        Result noReason = post("heyang", READ, Map.of("m", 1, "r", " "));
        assertEquals("VALIDATION", noReason.errorCode(), noReason::toString);
        Result member = post("worker", READ, Map.of("m", 1, "r", "x"));
        assertEquals("FORBIDDEN", member.errorCode(), member::toString);
        assertEquals(before, DemoData.fingerprint(dataSource));
    }

    @Test
    void noReadWithoutItsAuditRecord() {
        post("heyang-baoan", OPEN, Map.of("input", openInput(1)));
        DemoData.execute(dataSource, """
                create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$;
                create trigger refuse_audit before insert on audit_event for each row execute function refuse_audit();""");
        try {
            Result read = post("heyang", READ, Map.of("m", 1, "r", "核实"));
            assertEquals("INTERNAL", read.errorCode(), read::toString);
            assertNull(read.data("hardshipFile"));
            assertFalse(read.body().contains("透析"), read::toString);
        } finally {
            DemoData.execute(dataSource, "drop trigger refuse_audit on audit_event; drop function refuse_audit();");
        }
    }

    @Test
    void theReviewGoesForwardStepByStepWithWhoAndWhen() {
        Result opened = post("heyang-baoan", OPEN, Map.of("input", openInput(1)));
        Object id = opened.data("openHardshipFile.id");
        Result skip = post("heyang", ADVANCE, Map.of("input", Map.of("id", id, "version", 0, "to", "CONFIRMED")));
        assertEquals("CONFLICT", skip.errorCode(), skip::toString);
        int version = 0;
        for (String to : List.of("REVIEWED", "PUBLIC_NOTICE", "CONFIRMED")) {
            Result step = post(to.equals("REVIEWED") ? "heyang" : "heyang-baoan", ADVANCE, Map.of("input", Map.of("id", id, "version", version, "to", to,
                    "note", to.equals("PUBLIC_NOTICE") ? "公示于河阳保安公司公告栏 5 个工作日" : "")));
            assertFalse(step.hasErrors(), step::toString);
            assertEquals(to, step.data("advanceHardshipFile.status"));
            version++;
        }
        Result stale = post("heyang", ADVANCE, Map.of("input", Map.of("id", id, "version", 0, "to", "CLOSED", "note", "脱困")));
        assertEquals("CONFLICT", stale.errorCode(), stale::toString);
        Result noNote = post("heyang", ADVANCE, Map.of("input", Map.of("id", id, "version", version, "to", "CLOSED")));
        assertEquals("VALIDATION", noNote.errorCode(), noNote::toString);
        Result closed = post("heyang", ADVANCE, Map.of("input", Map.of("id", id, "version", version, "to", "CLOSED", "note", "已脱困")));
        assertEquals(List.of("APPLIED", "REVIEWED", "PUBLIC_NOTICE", "CONFIRMED", "CLOSED"), closed.json().getList("data.advanceHardshipFile.steps.toStatus"));
        assertEquals(List.of("sub-heyang-baoan", "sub-heyang", "sub-heyang-baoan", "sub-heyang-baoan", "sub-heyang"),
                closed.json().getList("data.advanceHardshipFile.steps.actorSubject"));
        Result reopened = post("heyang-baoan", OPEN, Map.of("input", openInput(1)));
        assertFalse(reopened.hasErrors(), reopened::toString);
    }

    @Test
    void aPersonHasAtMostOneOpenFileAndBadInputIsRefused() {
        assertFalse(post("heyang-baoan", OPEN, Map.of("input", openInput(1))).hasErrors());
        Result second = post("heyang", OPEN, Map.of("input", openInput(1)));
        assertEquals("CONFLICT", second.errorCode(), second::toString);
        Map<String, Object> bad = openInput(2);
        bad.put("monthlyIncomeYuan", "-5");
        assertEquals("VALIDATION", post("heyang-baoan", OPEN, Map.of("input", bad)).errorCode());
        bad = openInput(2);
        bad.put("reasons", List.of());
        assertEquals("VALIDATION", post("heyang-baoan", OPEN, Map.of("input", bad)).errorCode());
        Result pendingApplicant = post("heyang-baoan", OPEN, Map.of("input", openInput(12)));
        assertEquals("VALIDATION", pendingApplicant.errorCode(), pendingApplicant::toString);
        Result threeUp = post("jili", OPEN, Map.of("input", openInput(2)));
        assertEquals("FORBIDDEN", threeUp.errorCode(), threeUp::toString);
    }

    @Test
    void hardshipFilesNeverAppearInAListField() throws IOException {
        String schema = Files.readString(Path.of("schema.graphql"));
        assertFalse(schema.contains("[HardshipFile"), "a list of hardship files in the schema");
        assertFalse(schema.contains("HardshipFileConnection"), "a connection of hardship files in the schema");
        long fieldsReturningFiles = schema.lines().filter(l -> l.contains(": HardshipFile")).count();
        assertTrue(schema.contains("hardshipFile(") && schema.contains("openHardshipFile(") && schema.contains("advanceHardshipFile("));
        assertTrue(fieldsReturningFiles <= 3, "only hardshipFile, openHardshipFile and advanceHardshipFile return a file: " + fieldsReturningFiles);
    }
}
