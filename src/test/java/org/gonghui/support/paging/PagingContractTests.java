package org.gonghui.support.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gonghui.audit.AuditGraphQLApi;
import org.gonghui.funds.FundsGraphQLApi;
import org.gonghui.funds.ShellUnionGraphQLApi;
import org.gonghui.member.ClaimGraphQLApi;
import org.gonghui.hardship.HardshipGraphQLApi;
import org.gonghui.member.MemberGraphQLApi;
import org.gonghui.member.MemberOrder;
import org.gonghui.notification.NotificationService;
import org.gonghui.program.ProgramGraphQLApi;
import org.gonghui.region.RegionGraphQLApi;
import org.gonghui.rights.RightsCaseGraphQLApi;
import org.gonghui.roster.RosterImportGraphQLApi;
import org.gonghui.site.SiteGraphQLApi;
import org.gonghui.support.ValidationException;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.gonghui.union.UnionDirectoryGraphQLApi;
import org.gonghui.union.UnionGraphQLApi;
import org.gonghui.workforce.WorkforceGraphQLApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * The paging contract of every list: a cursor belongs to its list and sort (any other list or sort
 * refuses it), a broken cursor is VALIDATION on {@code after} and never an internal error, walking a
 * list page by page returns each row once, and every connection that offers totalCount counts.
 */
@QuarkusTestWithOidc
class PagingContractTests {

    /** What a connection is read with; {@code %s} takes totalCount where the type has it. */
    private static final String SELECTION = "{ %s pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor } }";

    /** The sorts of {@code members}: each is an ordering of its own. */
    private static final List<MemberOrder> MEMBER_SORTS = memberSorts();

    @Inject
    DataSource dataSource;

    private Object program;

    /**
     * One paged field read through the API: the ordering its cursors are made for, who reads it, the
     * field with {@code %s} where its arguments go ({@code inner}), the fields around it with {@code %s}
     * where it goes ({@code outer}, "%s" at the top level) and their JSON path, and its connection type.
     */
    record Listed(Ordering<?> ordering, String user, String outer, String outerPath, String inner, String connectionType) {

        Listed(Ordering<?> ordering, String user, String inner, String connectionType) {
            this(ordering, user, "%s", "", inner, connectionType);
        }

        /** A document reading the list once with $first and $after. */
        String document() {
            String selection = SELECTION.formatted(COUNTED.contains(connectionType) ? "totalCount" : "");
            return wrap(inner.formatted("first: $first, after: $after") + " " + selection, "$first: Int, $after: String");
        }

        /** A document reading the list once per cursor (aliases c0, c1, …), each after its cursor. */
        String documentAfterEach(List<String> cursors) {
            StringBuilder fields = new StringBuilder();
            for (int i = 0; i < cursors.size(); i++) {
                fields.append("c").append(i).append(": ").append(inner.formatted("first: 2, after: \"" + cursors.get(i) + "\""))
                        .append(" { edges { cursor } } ");
            }
            return wrap(fields.toString(), null);
        }

        private String wrap(String fields, String variables) {
            List<String> declared = new ArrayList<>();
            if (variables != null) {
                declared.add(variables);
            }
            if ((outer + inner).contains("$program")) {
                declared.add("$program: ID!");
            }
            return "query" + (declared.isEmpty() ? "" : "(" + String.join(", ", declared) + ")") + " { " + outer.formatted(fields) + " }";
        }

        String path() {
            return (outerPath.isEmpty() ? "" : outerPath + ".") + inner.substring(0, inner.indexOf('('));
        }

        @Override
        public String toString() {
            return ordering.list() + " (" + ordering.sort() + ")";
        }
    }

    /** Connection types whose schema type has totalCount (checked against the schema below). */
    static final Set<String> COUNTED = Set.of("UnionConnection", "MemberConnection", "FundsRemittanceConnection", "ShellUnionConnection",
            "ProgramConnection", "ProgramApplicationConnection", "BeneficiaryConnection", "UnionCardConnection", "RegionConnection",
            "ClaimHelpRequestConnection", "TransferRequestConnection", "OwnHardshipCaseConnection", "NotificationConnection",
            "RightsCaseConnection");

    /** Every paged field that the demo data (plus the rows made in {@link #rows()}) lets a caller reach. */
    static List<Listed> reachable() {
        List<Listed> lists = new ArrayList<>(List.of(
                new Listed(UnionGraphQLApi.UNIONS, "jili", "unions(%s)", "UnionConnection"),
                new Listed(UnionGraphQLApi.CHILDREN, "luoyang", "union(id: 4103) { %s }", "union", "children(%s)", "UnionConnection"),
                new Listed(MemberGraphQLApi.UNION_MEMBERS, "heyang-baoan", "union(id: 41030611) { %s }", "union", "members(%s)", "MemberConnection"),
                new Listed(MemberGraphQLApi.APPLICATIONS, "worker", "me { %s }", "me", "applications(%s)", "MemberConnection"),
                new Listed(MemberGraphQLApi.OWN_REQUESTS, "worker", "me { %s }", "me", "transferRequests(%s)", "TransferRequestConnection"),
                new Listed(HardshipGraphQLApi.OWN_FILES, "worker", "me { %s }", "me", "hardshipFiles(%s)", "OwnHardshipCaseConnection"),
                new Listed(MemberGraphQLApi.HISTORY, "heyang-baoan", "member(id: 4) { %s }", "member", "history(%s)", "MembershipEventConnection"),
                new Listed(MemberGraphQLApi.TRANSFERS, "quanzong", "membershipTransfers(%s)", "TransferConnection"),
                new Listed(AuditGraphQLApi.AUDIT_EVENTS, "jili", "auditEvents(%s)", "AuditEventConnection"),
                new Listed(ShellUnionGraphQLApi.SHELL_UNIONS, "luoyang", "shellUnions(%s)", "ShellUnionConnection"),
                new Listed(FundsGraphQLApi.REMITTANCES, "luoyang", "fundsRemittances(%s)", "FundsRemittanceConnection"),
                new Listed(RosterImportGraphQLApi.IMPORTS, "jili", "rosterImports(%s)", "RosterImportConnection"),
                new Listed(ProgramGraphQLApi.PROGRAMS, "jili", "servicePrograms(%s)", "ProgramConnection"),
                new Listed(ProgramGraphQLApi.BENEFICIARIES, "jili", "serviceProgram(id: $program) { %s }", "serviceProgram", "beneficiaries(%s)",
                        "BeneficiaryConnection"),
                new Listed(ProgramGraphQLApi.APPLICATIONS, "jili", "programApplications(programId: $program, %s)", "ProgramApplicationConnection"),
                new Listed(ProgramGraphQLApi.OPEN_TO_ME, "worker", "me { %s }", "me", "programsOpenToMe(%s)", "ProgramConnection"),
                new Listed(ProgramGraphQLApi.MY_APPLICATIONS, "worker", "me { %s }", "me", "programApplications(%s)", "ProgramApplicationConnection"),
                new Listed(NotificationService.NOTIFICATIONS, "worker", "me { %s }", "me", "notifications(%s)", "NotificationConnection"),
                new Listed(SiteGraphQLApi.NEAREST, null, "nearestSites(latitude: 34.899, longitude: 112.58, radiusKm: 50, %s)", "NearbySiteConnection"),
                new Listed(SiteGraphQLApi.SITES, "quanzong", "serviceSites(%s)", "SiteConnection"),
                new Listed(UnionDirectoryGraphQLApi.BY_ID, null, "findUnions(%s)", "UnionCardConnection"),
                new Listed(UnionDirectoryGraphQLApi.NEAREST, null, "findUnions(filter: {near: {latitude: 34.899, longitude: 112.58, radiusKm: 50}}, %s)",
                        "UnionCardConnection"),
                new Listed(RegionGraphQLApi.REGIONS, null, "regions(parentCode: \"410300\", %s)", "RegionConnection"),
                new Listed(WorkforceGraphQLApi.COUNTS, "jili", "workforceCounts(%s)", "WorkforceCountConnection"),
                new Listed(WorkforceGraphQLApi.TARGETS, "jili", "enrolmentTargets(%s)", "EnrolmentTargetConnection"),
                new Listed(ClaimGraphQLApi.HELP_REQUESTS, "jili", "claimHelpRequests(%s)", "ClaimHelpRequestConnection"),
                new Listed(RightsCaseGraphQLApi.NEWEST_FIRST, "jili", "rightsCases(%s)", "RightsCaseConnection"),
                new Listed(RightsCaseGraphQLApi.OLDEST_FIRST, "jili", "rightsCases(orderBy: {field: SUBMITTED_AT, direction: ASC}, %s)", "RightsCaseConnection"),
                new Listed(RightsCaseGraphQLApi.DUE_FIRST, "jili", "rightsCases(orderBy: {field: DUE}, %s)", "RightsCaseConnection"),
                new Listed(RightsCaseGraphQLApi.DUE_LAST, "jili", "rightsCases(orderBy: {field: DUE, direction: DESC}, %s)", "RightsCaseConnection"),
                new Listed(RightsCaseGraphQLApi.OWN_CASES, "worker", "me { %s }", "me", "rightsCases(%s)", "RightsCaseConnection")));
        for (MemberOrder order : MEMBER_SORTS) {
            lists.add(new Listed(MemberGraphQLApi.membersOrdering(order), "luoyang",
                    "members(orderBy: {field: " + order.field + ", direction: " + order.direction + "}, %s)", "MemberConnection"));
        }
        return lists;
    }

    /** Every ordering of the API, reachable with the demo data or not (a job's failures need an import). */
    static List<Ordering<?>> allOrderings() {
        List<Ordering<?>> all = new ArrayList<>(reachable().stream().<Ordering<?>>map(Listed::ordering).toList());
        all.add(RosterImportGraphQLApi.FAILURES);
        return all;
    }

    /** Lists the demo data fills with at least two rows, so that walking them pages for real. */
    private static final Set<String> FILLED = Set.of("Query.unions", "Union.children", "Query.members", "Union.members", "Query.servicePrograms",
            "ServiceProgram.beneficiaries", "Caller.programsOpenToMe", "Caller.programApplications", "Query.nearestSites", "Query.serviceSites",
            "Query.workforceCounts", "Query.enrolmentTargets", "Query.auditEvents", "Member.history", "Query.findUnions", "Query.regions",
            "Query.claimHelpRequests", "Caller.notifications", "Query.rightsCases", "Caller.rightsCases");

    @BeforeEach
    void rows() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String create = "mutation($input: CreateServiceProgramInput!) { createServiceProgram(input: $input) { id } }";
        Map<String, Object> input = new HashMap<>(Map.of("unionId", 410306, "kind", "WINTER_WARMTH", "name", "两节送温暖", "periodStart", year + "-01-01",
                "periodEnd", year + "-12-31", "budgetYuan", "1000.00", "status", "OPEN", "targetKeyGroups", List.of()));
        program = ok("jili", create, input).data("createServiceProgram.id");
        input.put("unionId", 4103061);
        Object second = ok("heyang", create, input).data("createServiceProgram.id");
        String grant = "mutation($input: GrantBenefitInput!) { grantBenefit(input: $input) { id } }";
        ok("jili", grant, Map.of("programId", program, "memberId", 2, "amountYuan", "10.00"));
        ok("jili", grant, Map.of("programId", program, "memberId", 3, "amountYuan", "20.00"));
        ok("jili", grant, Map.of("programId", program, "organisationName", "吉利区顺通货运", "inKindItem", "防暑降温用品", "inKindQuantity", 2));
        DemoData.execute(dataSource, "update person set subject = 'sub-worker' where id = 1");
        // two notifications of member 1, whose person the worker's login is now linked to
        DemoData.execute(dataSource, """
                insert into member_notification (person_hash, membership_id, type, text_zh, text_en, object_id)
                select person_hash, id, 'TRANSFER_STEP', '分页测试', 'paging test', n::text from membership, generate_series(1, 2) n where id = 1""");
        String apply = "mutation($input: ApplyForProgramInput!) { applyForProgram(input: $input) { id } }";
        ok("worker", apply, Map.of("programId", program));
        ok("worker", apply, Map.of("programId", second));
        // the worker's own transfer request and hardship file, for me.transferRequests and me.hardshipFiles
        ok("worker", "mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { id } }", Map.of("toUnionId", 41030612));
        ok("worker", "mutation($input: ApplyForHardshipAidInput!) { applyForHardshipAid(input: $input) { id } }",
                Map.of("level", "GENERAL", "reasons", List.of("ILLNESS"), "householdSize", 2, "monthlyIncomeYuan", "1500.00"));
        // a second and third change in the history of member 4 (RETAINED in the demo data)
        String status = "mutation($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { version } }";
        Object version = GraphQLClient.post(Tokens.forDemoUser("heyang-baoan"), "{ member(id: 4) { version } }").data("member.version");
        version = ok("heyang-baoan", status, Map.of("id", 4, "version", version, "status", "ACTIVE", "reason", "恢复会籍")).data("changeMemberStatus.version");
        ok("heyang-baoan", status, Map.of("id", 4, "version", version, "status", "RETAINED", "reason", "保留会籍"));
        String count = "mutation($input: RecordWorkforceCountInput!) { recordWorkforceCount(input: $input) { id } }";
        for (String group : List.of("COURIER", "SECURITY_GUARD", "TRUCK_DRIVER")) {
            ok("jili", count, Map.of("unionId", 410306, "keyGroup", group, "registeredWorkers", 100, "countedOn", year + "-01-15", "source", "区交通运输局台账"));
        }
        // two help requests on the officials' to-do list: one of an unlinked login about member 13 (no phone on record), one lost phone
        for (String kind : List.of("CLAIM", "PHONE_LOST")) {
            DemoData.execute(dataSource, "insert into claim_help_request (union_id, kind, membership_id, subject, name, contact_phone_cipher, contact_phone_key,"
                    + " contact_phone_masked) values (41030612, '" + kind + "', 13, 'sub-paging', '周淑芬', '\\x00', 'test-1', '139****0000')");
        }
        // three rights cases of the worker (member 1 of 41030611), two of them accepted: the queue of 吉利区 by submission and by deadline
        String submit = "mutation($input: SubmitRightsCaseInput!) { submitRightsCase(input: $input) { id version } }";
        for (String category : List.of("WAGE_ARREARS", "WORK_INJURY", "LABOUR_CONTRACT")) {
            Result submitted = ok("worker", submit, Map.of("category", category, "description", "分页测试", "employerName", "洛阳某物流公司"));
            if (!category.equals("LABOUR_CONTRACT")) {
                okWith("heyang-baoan", "mutation($id: ID!, $v: Int!) { acceptRightsCase(id: $id, version: $v) { id } }",
                        Map.of("id", submitted.data("submitRightsCase.id"), "v", submitted.data("submitRightsCase.version")));
            }
        }
        String target = "mutation($input: SetEnrolmentTargetInput!) { setEnrolmentTarget(input: $input) { id } }";
        for (String kind : List.of("NEW_MEMBERS", "NEW_FORM_MEMBERS")) {
            ok("jili", target, Map.of("unionId", 410306, "kind", kind, "title", "新会员", "targetCount", 4, "periodFrom", year + "-01",
                    "dueOn", year + "-12-31"));
        }
    }

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    @Test
    void everyPagedFieldOfTheSchemaHasAnOrderingOfItsOwn() throws Exception {
        Set<String> paged = new TreeSet<>();
        Set<String> countedTypes = new TreeSet<>();
        for (ObjectTypeDefinition type : schema().getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition field : type.getFieldDefinitions()) {
                if (field.getInputValueDefinitions().stream().anyMatch(a -> a.getName().equals("after"))) {
                    paged.add(type.getName() + "." + field.getName());
                }
                if (type.getName().endsWith("Connection") && field.getName().equals("totalCount")) {
                    countedTypes.add(type.getName());
                }
            }
        }
        assertEquals(paged, new TreeSet<>(allOrderings().stream().map(Ordering::list).toList()), "paged fields and the orderings enumerated here");
        assertEquals(new TreeSet<>(COUNTED), countedTypes, "connection types with totalCount");
        Set<String> distinct = new LinkedHashSet<>();
        allOrderings().forEach(o -> assertTrue(distinct.add(o.list() + "\n" + o.sort()), () -> "two orderings named " + o));
    }

    @Test
    void theCodecRefusesACursorOfEveryOtherListAndSort() {
        for (Ordering<?> made : allOrderings()) {
            String cursor = sample(made);
            for (Ordering<?> given : allOrderings()) {
                if (given.equals(made)) {
                    assertEquals(1L, Cursor.decode(given, cursor).id());
                } else {
                    ValidationException refused = assertThrows(ValidationException.class, () -> Cursor.decode(given, cursor), () -> made + " in " + given);
                    assertTrue(refused.getMessage().startsWith("after: "), refused::getMessage);
                }
            }
        }
    }

    @Test
    void aCursorOfOneListIsRefusedByEveryOtherList() {
        for (Listed list : reachable()) {
            Set<String> others = new LinkedHashSet<>();
            for (Ordering<?> other : allOrderings()) {
                if (!other.list().equals(list.ordering().list())) {
                    others.add(sample(other));
                }
            }
            assertAllRefused(list, List.copyOf(others), "cursors of other lists");
        }
        // the case the issue found: a real unions cursor given to auditEvents
        Result unions = read(reachable().get(0), 1, null);
        assertRefused(byList("Query.auditEvents"), unions.data("unions.pageInfo.endCursor"), "a unions cursor");
    }

    @Test
    void aCursorMadeForOneSortIsRefusedInAnother() {
        List<Listed> sorts = reachable().stream().filter(l -> l.ordering().list().equals("Query.members")).toList();
        assertEquals(6, sorts.size());
        for (Listed made : sorts) {
            String cursor = read(made, 2, null).data("members.pageInfo.endCursor");
            assertNotNull(cursor, made::toString);
            for (Listed given : sorts) {
                if (given == made) {
                    assertFalse(read(given, 2, cursor).hasErrors(), given::toString);
                } else {
                    assertRefused(given, cursor, "a cursor of " + made);
                }
            }
        }
    }

    @Test
    void brokenCursorsAreValidationErrorsNeverInternal() {
        for (Listed list : reachable()) {
            Ordering<?> own = list.ordering();
            String real = sample(own);
            List<String> broken = new ArrayList<>(List.of("bm90LWEtY3Vyc29y", "!!!", "%%%", "====", "a", real.substring(0, real.length() / 2),
                    real.substring(4), tampered(real), "x".repeat(5000),
                    encode("c:1"), encode("m:NAME:ASC:1:王伟"), encode("n:1.5:1"),
                    encode("2\n" + own.list() + "\n" + own.sort() + "\n1\n" + value(own)),
                    encode("1\n" + own.list() + "\n" + own.sort() + "\nabc\n" + value(own)),
                    encode("1\n" + own.list() + "\n" + own.sort() + "\n99999999999999999999\n" + value(own)),
                    encode("1\n" + own.list() + "\n" + own.sort() + "\n1"),
                    encode("1\n" + own.list() + "\n" + own.sort() + "\n\n" + value(own)),
                    Base64.getUrlEncoder().encodeToString(new byte[] { (byte) 0xff, (byte) 0xfe, 0x0a, 0x31 })));
            if (own.key() == SortKey.NONE) {
                broken.add(encode("1\n" + own.list() + "\n" + own.sort() + "\n1\nvalue"));
            } else if (own.key() == SortKey.DATE) {
                broken.add(encode("1\n" + own.list() + "\n" + own.sort() + "\n1\nnot-a-date"));
                broken.add(encode("1\n" + own.list() + "\n" + own.sort() + "\n1\n"));
            } else if (own.key() == SortKey.DISTANCE) {
                for (String km : List.of("NaN", "Infinity", "-1", "abc", "")) {
                    broken.add(encode("1\n" + own.list() + "\n" + own.sort() + "\n1\n" + km));
                }
            }
            assertAllRefused(list, broken.subList(0, 15), "broken cursors");
            assertAllRefused(list, broken.subList(15, broken.size()), "broken cursors");
        }
    }

    @Test
    void walkingAListPageByPageReturnsEveryRowOnceAndTotalCountCountsThemAll() {
        for (Listed list : reachable()) {
            Result whole = read(list, 100, null);
            assertFalse(whole.hasErrors(), () -> list + ": " + whole);
            List<String> all = whole.json().getList("data." + list.path() + ".edges.cursor");
            assertFalse(whole.<Boolean>data(list.path() + ".pageInfo.hasNextPage"), list::toString);
            if (FILLED.contains(list.ordering().list())) {
                assertTrue(all.size() >= 2, () -> list + " has " + all.size() + " rows");
            }
            List<String> walked = new ArrayList<>();
            String after = null;
            for (int pages = 0; pages <= all.size(); pages++) {
                Result page = read(list, 1, after);
                assertFalse(page.hasErrors(), () -> list + ": " + page);
                walked.addAll(page.json().getList("data." + list.path() + ".edges.cursor"));
                assertEquals(after != null, page.<Boolean>data(list.path() + ".pageInfo.hasPreviousPage"), list::toString);
                if (!page.<Boolean>data(list.path() + ".pageInfo.hasNextPage")) {
                    break;
                }
                after = page.data(list.path() + ".pageInfo.endCursor");
            }
            assertEquals(all, walked, () -> list + ": page by page");
            assertEquals(all.size(), new LinkedHashSet<>(walked).size(), () -> list + ": a row twice");
            if (COUNTED.contains(list.connectionType())) {
                Integer total = whole.data(list.path() + ".totalCount");
                assertEquals(all.size(), total, () -> list + ": totalCount");
            }
        }
    }

    @Test
    void everyConnectionTypeWithTotalCountIsCountedAboveZeroSomewhere() {
        Set<String> countedAboveZero = new TreeSet<>();
        for (Listed list : reachable()) {
            if (COUNTED.contains(list.connectionType())) {
                Result result = read(list, 0, null);
                assertFalse(result.hasErrors(), () -> list + ": " + result);
                Integer total = result.data(list.path() + ".totalCount");
                assertNotNull(total, list::toString);
                if (total > 0) {
                    countedAboveZero.add(list.connectionType());
                }
            }
        }
        Set<String> expected = new TreeSet<>(COUNTED);
        expected.remove("FundsRemittanceConnection"); // no remittances in the demo data; FundsRemittanceTests counts them
        expected.removeAll(countedAboveZero);
        assertEquals(Set.of(), expected, "connection types never counted above zero");
    }

    // --- helpers

    private Result read(Listed list, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        if ((list.outer() + list.inner()).contains("$program")) {
            variables.put("program", program);
        }
        if (after != null) {
            variables.put("after", after);
        }
        return GraphQLClient.post(list.user() == null ? null : Tokens.forDemoUser(list.user()), list.document(), variables);
    }

    private void assertRefused(Listed list, String cursor, String what) {
        Result result = read(list, 2, cursor);
        assertEquals("VALIDATION", result.errorCode(), () -> what + " given to " + list + ": " + result);
        assertTrue(result.errorMessage().startsWith("after: "), () -> what + " given to " + list + ": " + result);
    }

    /** Reads the list once after each cursor in one document: every read is VALIDATION on {@code after}, none internal. */
    @SuppressWarnings("unchecked")
    private void assertAllRefused(Listed list, List<String> cursors, String what) {
        // shellUnions is a heavy field: at most 5 of them in one document
        int perDocument = list.ordering().equals(ShellUnionGraphQLApi.SHELL_UNIONS) ? 5 : 30;
        for (int from = 0; from < cursors.size(); from += perDocument) {
            assertAllRefusedInOneDocument(list, cursors.subList(from, Math.min(cursors.size(), from + perDocument)), what);
        }
    }

    @SuppressWarnings("unchecked")
    private void assertAllRefusedInOneDocument(Listed list, List<String> cursors, String what) {
        Map<String, Object> variables = new HashMap<>();
        if ((list.outer() + list.inner()).contains("$program")) {
            variables.put("program", program);
        }
        Result result = GraphQLClient.post(list.user() == null ? null : Tokens.forDemoUser(list.user()), list.documentAfterEach(cursors), variables);
        assertNotEquals(500, result.status(), () -> what + " given to " + list + ": " + result);
        Set<String> refused = new TreeSet<>();
        for (Map<String, Object> error : result.errors()) {
            String code = (String) ((Map<String, Object>) error.get("extensions")).get("code");
            assertEquals("VALIDATION", code, () -> what + " given to " + list + ": " + error);
            assertTrue(((String) error.get("message")).startsWith("after: "), () -> what + " given to " + list + ": " + error);
            List<Object> path = (List<Object>) error.get("path");
            refused.add((String) path.get(path.size() - 1));
        }
        Set<String> aliases = new TreeSet<>();
        for (int i = 0; i < cursors.size(); i++) {
            aliases.add("c" + i);
        }
        assertEquals(aliases, refused, () -> what + " given to " + list + ": " + result);
    }

    private static Listed byList(String list) {
        return reachable().stream().filter(l -> l.ordering().list().equals(list)).findFirst().orElseThrow();
    }

    private static Result ok(String user, String mutation, Map<String, Object> input) {
        return okWith(user, mutation, Map.of("input", input));
    }

    private static Result okWith(String user, String mutation, Map<String, Object> variables) {
        Result result = GraphQLClient.post(Tokens.forDemoUser(user), mutation, variables);
        assertFalse(result.hasErrors(), result::toString);
        return result;
    }

    /** A well-formed cursor of the ordering (row id 1 and a value of the ordering's type). */
    @SuppressWarnings("unchecked")
    private static <K> String sample(Ordering<K> ordering) {
        Object value = ordering.key() == SortKey.TEXT ? "王伟" : ordering.key() == SortKey.DATE ? LocalDate.of(2020, 1, 1)
                : ordering.key() == SortKey.DISTANCE ? 1.5 : null;
        return Cursor.encode(ordering, (K) value, 1);
    }

    private static String value(Ordering<?> ordering) {
        return ordering.key() == SortKey.TEXT ? "王伟" : ordering.key() == SortKey.DATE ? "2020-01-01" : ordering.key() == SortKey.DISTANCE ? "1.5" : "";
    }

    /** The cursor with one character of its list name changed. */
    private static String tampered(String cursor) {
        char c = cursor.charAt(5);
        return cursor.substring(0, 5) + (c == 'A' ? 'B' : 'A') + cursor.substring(6);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static TypeDefinitionRegistry schema() throws Exception {
        return new SchemaParser().parse(Files.readString(Path.of("schema.graphql")));
    }

    private static List<MemberOrder> memberSorts() {
        List<MemberOrder> sorts = new ArrayList<>();
        for (MemberOrder.Field field : MemberOrder.Field.values()) {
            for (MemberOrder.Direction direction : MemberOrder.Direction.values()) {
                MemberOrder order = new MemberOrder();
                order.field = field;
                order.direction = direction;
                sorts.add(order);
            }
        }
        return sorts;
    }
}
