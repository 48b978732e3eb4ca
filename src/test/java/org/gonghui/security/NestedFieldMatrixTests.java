package org.gonghui.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeUtil;

/**
 * Nested fields follow the rules of the queries that return their objects directly. A walk of the
 * served schema requires every object-returning field reachable from the root types to name the
 * matrix test that covers it; the matrix here reads every nested object as each official and checks
 * that the direct query ({@code union(id)}, {@code member(id)}, …) returns it too, and that a nested
 * field left null hides an object the direct query also refuses.
 */
@QuarkusTestWithOidc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedFieldMatrixTests {

    static final String NESTED = "NestedFieldMatrixTests#nestedObjectsAreOnesTheirDirectQueryReturns";
    // the FORMER_PARTY cells of the member matrix
    static final String FORMER_PARTY = "member.MemberAuthorizationMatrixTests#everyCell";
    // the NESTED_OUTSIDE cells of the union matrix
    static final String OUTSIDE_UNION = "AuthorizationMatrixTests#everyCell";
    static final String SERVICES = "program.ServiceAuthorizationMatrixTests#everyCell";
    static final String STATISTICS = "statistics.StatisticsAuthorizationMatrixTests#everyCell";
    static final String FUNDS = "funds.FundsAuthorizationMatrixTests#everyCell";
    static final String OWN = "member.MembershipWorkflowTests#aWorkerAppliesFollowsTheApplicationAndAfterApprovalSeesTheirMembershipAndUnionChain";

    /**
     * Every object-returning field of a non-root type → the test that proves it shows only what its
     * caller may see. A new field fails {@link #everyObjectFieldReachableFromARootHasAMatrixTest} until
     * it is added here with a test that covers it.
     */
    static final Map<String, String> FIELD_TESTS = new LinkedHashMap<>();
    static {
        for (String field : List.of("Union.parent", "Union.children", "Union.ancestors", "Caller.union",
                "UnionConnection.edges", "UnionConnection.pageInfo", "UnionEdge.node")) {
            FIELD_TESTS.put(field, OUTSIDE_UNION);
        }
        for (String field : List.of("Union.members", "Member.union", "Member.unionChain", "Member.history",
                "MemberConnection.edges", "MemberConnection.pageInfo", "MemberEdge.node",
                "MembershipEventConnection.edges", "MembershipEventConnection.pageInfo", "MembershipEventEdge.node",
                "FundsRemittance.union", "FundsRemittanceConnection.edges", "FundsRemittanceConnection.pageInfo",
                "FundsRemittanceEdge.node", "ShellUnion.union", "ShellUnionConnection.edges", "ShellUnionConnection.pageInfo",
                "ShellUnionEdge.node", "ServiceProgram.organiser", "ServiceProgram.beneficiaries", "BeneficiaryConnection.edges",
                "BeneficiaryConnection.pageInfo", "BeneficiaryEdge.node", "ProgramConnection.edges", "ProgramConnection.pageInfo",
                "ProgramEdge.node", "ServiceSite.hostUnion", "ServiceSite.location", "SiteConnection.edges", "SiteConnection.pageInfo",
                "SiteEdge.node", "Union.statistics", "RosterImport.union", "RosterImport.failures", "RosterImportConnection.edges",
                "RosterImportConnection.pageInfo", "RosterImportEdge.node", "RosterImportFailureConnection.edges",
                "RosterImportFailureConnection.pageInfo", "RosterImportFailureEdge.node", "AuditEvent.changes",
                "AuditEventConnection.edges", "AuditEventConnection.pageInfo", "AuditEventEdge.node", "EnrolmentTarget.progress",
                "EnrolmentTargetConnection.edges", "EnrolmentTargetConnection.pageInfo", "EnrolmentTargetEdge.node",
                "WorkforceCountConnection.edges", "WorkforceCountConnection.pageInfo", "WorkforceCountEdge.node")) {
            FIELD_TESTS.put(field, NESTED);
        }
        for (String field : List.of("MembershipTransfer.member", "TransferConnection.edges", "TransferConnection.pageInfo", "TransferEdge.node")) {
            FIELD_TESTS.put(field, FORMER_PARTY);
        }
        // figures of a union the caller may see, computed inside its subtree
        for (String field : List.of("UnionStatistics.membersByKeyGroup", "UnionStatistics.membersByStatus", "UnionStatistics.sitesByKind",
                "UnionStatistics.unionsByKind", "UnionStatistics.unionsByLevel", "UnionStatistics.unionsByStatus")) {
            FIELD_TESTS.put(field, STATISTICS);
        }
        for (String field : List.of("Union.rightsCaseStatistics", "RightsCaseStatistics.byCategory", "RightsCaseStatistics.byChannel")) {
            FIELD_TESTS.put(field, "rights.RightsCaseStatisticsAuthorizationMatrixTests#everyCell");
        }
        for (String field : List.of("FundsRemittanceConnection.totals", "ShellUnionConnection.criteria")) {
            FIELD_TESTS.put(field, FUNDS);
        }
        for (String field : List.of("ProgramTotals.byKind", "ProgramTotals.total", "HardshipFile.household", "HardshipFile.steps",
                "ProgramApplicationConnection.edges", "ProgramApplicationConnection.pageInfo", "ProgramApplicationEdge.node")) {
            FIELD_TESTS.put(field, SERVICES);
        }
        // the public map: open sites only, the same rows nearestSites itself returns
        for (String field : List.of("NearbySiteConnection.edges", "NearbySiteConnection.pageInfo", "NearbySiteEdge.node", "NearbySiteEdge.location")) {
            FIELD_TESTS.put(field, "site.ServiceSiteTests#anyoneFindsTheOpenSitesWithinTheRadiusNearestFirstByGreatCircleDistance");
        }
        // the public union directory and the regions: public information for everyone, the same rows findUnions itself returns
        for (String field : List.of("UnionCardConnection.edges", "UnionCardConnection.pageInfo", "UnionCardEdge.node", "UnionCard.above",
                "UnionCard.region", "UnionCard.location", "UnionCard.openingHours", "RegionConnection.edges", "RegionConnection.pageInfo",
                "RegionEdge.node")) {
            FIELD_TESTS.put(field, "union.UnionDirectoryAuthorizationMatrixTests#everyCell");
        }
        // computed from the union's own row, which the union matrix shows only inside the caller's subtree
        for (String field : List.of("Union.location", "Union.openingHours")) {
            FIELD_TESTS.put(field, OUTSIDE_UNION);
        }
        // the caller's own records, reached only through me
        for (String field : List.of("Caller.membership", "Caller.applications")) {
            FIELD_TESTS.put(field, OWN);
        }
        // the officials' to-do list of help requests: their subtree only
        for (String field : List.of("ClaimHelpRequestConnection.edges", "ClaimHelpRequestConnection.pageInfo", "ClaimHelpRequestEdge.node")) {
            FIELD_TESTS.put(field, "member.ClaimAuthorizationMatrixTests#everyCell");
        }
        // the member's own record, answered to updateMyContact
        FIELD_TESTS.put("MyContactUpdate.member", "member.MyContactTests#employmentDetailsChangeAtOnceAndAreAudited");
        // the member's own card: FORBIDDEN to officials, null for others (the card matrix)
        FIELD_TESTS.put("Member.card", "card.CardAuthorizationMatrixTests#everyCell");
        // a member's own requests and hardship files, and the requester card both unions' officials see while a request is open
        for (String field : List.of("MembershipTransfer.requester", "Caller.transferRequests", "TransferRequestConnection.edges",
                "TransferRequestConnection.pageInfo", "TransferRequestEdge.node", "TransferRequest.fromUnion", "TransferRequest.toUnion",
                "Caller.hardshipFiles", "OwnHardshipCaseConnection.edges", "OwnHardshipCaseConnection.pageInfo", "OwnHardshipCaseEdge.node",
                "OwnHardshipCase.steps")) {
            FIELD_TESTS.put(field, "member.MemberRequestsAuthorizationMatrixTests#everyCell");
        }
        // a member's own notifications: the owner, another member's, officials and anonymous callers
        for (String field : List.of("Caller.notifications", "NotificationConnection.edges", "NotificationConnection.pageInfo", "NotificationEdge.node")) {
            FIELD_TESTS.put(field, "notification.NotificationAuthorizationMatrixTests#everyCell");
        }
        // rights cases: every nested field per the case's reach (worker, handling officials, officials above, others, anonymous)
        for (String field : List.of("Caller.rightsCases", "RightsCaseConnection.edges", "RightsCaseConnection.pageInfo", "RightsCaseEdge.node",
                "RightsCase.steps", "RightsCase.handlingUnion", "RightsCase.receivedUnion", "RevealedRightsCase.steps")) {
            FIELD_TESTS.put(field, "rights.RightsCaseAuthorizationMatrixTests#everyCell");
        }
        FIELD_TESTS.put("RightsCase.attachments",
                "rights.RightsCaseAttachmentTests#theCaseListsItsAttachmentsForTheWorkerAndTheHandlingOfficialsAndNullForOfficialsFurtherUp");
        for (String field : List.of("Caller.programApplications", "Caller.programsOpenToMe")) {
            FIELD_TESTS.put(field, "program.ServiceProgramTests#aMemberSeesTheProgramsOfTheirChainForTheirGroupsAppliesAndIsApproved");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void everyObjectFieldReachableFromARootHasAMatrixTest() throws Exception {
        String sdl = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        Set<String> roots = Set.of("Query", "Mutation", "Subscription");
        Set<String> reachable = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (FieldDefinition field : fields(registry, type)) {
                String target = TypeUtil.unwrapAll(field.getType()).getName();
                List<String> targets = objectTypes(registry, target);
                if (targets.isEmpty()) {
                    continue;
                }
                if (!roots.contains(type)) {
                    reachable.add(type + "." + field.getName());
                }
                todo.addAll(targets);
            }
        }
        assertFalse(reachable.isEmpty(), "the walk found no nested object fields");
        List<String> unmapped = reachable.stream().filter(f -> !FIELD_TESTS.containsKey(f)).toList();
        assertEquals(List.of(), unmapped, "object-returning fields without a matrix test: add each to FIELD_TESTS with a test that covers it");
        List<String> stale = FIELD_TESTS.keySet().stream().filter(f -> !reachable.contains(f)).toList();
        assertEquals(List.of(), stale, "FIELD_TESTS names fields the schema no longer has");
        for (String test : new TreeSet<>(FIELD_TESTS.values())) {
            assertTrue(isTest(test), test + " is not a test method");
        }
    }

    private static List<FieldDefinition> fields(TypeDefinitionRegistry registry, String type) {
        return registry.getType(type).map(t -> t instanceof ObjectTypeDefinition o ? o.getFieldDefinitions()
                : t instanceof InterfaceTypeDefinition i ? i.getFieldDefinitions() : List.<FieldDefinition>of()).orElse(List.of());
    }

    /** The object types a field of this type may return: itself, a union's members, an interface's implementations. */
    @SuppressWarnings("rawtypes")
    private static List<String> objectTypes(TypeDefinitionRegistry registry, String name) {
        TypeDefinition type = registry.getType(name).orElse(null);
        if (type instanceof ObjectTypeDefinition) {
            return List.of(name);
        }
        if (type instanceof UnionTypeDefinition union) {
            return union.getMemberTypes().stream().map(t -> TypeUtil.unwrapAll(t).getName()).toList();
        }
        if (type instanceof InterfaceTypeDefinition) {
            return registry.getImplementationsOf((InterfaceTypeDefinition) type).stream().map(ObjectTypeDefinition::getName).toList();
        }
        return List.of();
    }

    private static boolean isTest(String reference) throws ClassNotFoundException {
        String[] parts = reference.split("#");
        Class<?> type = Class.forName("org.gonghui." + (parts[0].contains(".") ? parts[0] : "security." + parts[0]));
        // a matrix's test method is inherited from its base (testing.AuthorizationMatrix)
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(parts[1]) && (method.isAnnotationPresent(Test.class) || method.isAnnotationPresent(ParameterizedTest.class))) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- the matrix: every official × every nested object they reach

    static Stream<String> officials() {
        return Stream.of("quanzong", "henan", "jilin", "luoyang", "baicheng", "jili", "heyang", "kangle", "heyang-baoan", "shunda");
    }

    private boolean transfersMade;

    /** Member 2 moves from 41030611 to 22080212 (accepted), member 4 from 41030611 to 41030612 (cancelled). */
    @BeforeEach
    void formerParties() {
        if (!transfersMade) {
            transfersMade = true;
            transfer(2, 22080212, "baicheng", true);
            transfer(4, 41030612, "shunda", false);
        }
    }

    @AfterAll
    void restore() {
        DemoData.restore(dataSource);
    }

    private static void transfer(long member, long to, String receiver, boolean accept) {
        Result released = GraphQLClient.post(Tokens.forDemoUser("heyang-baoan"),
                "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id member { version } } }",
                Map.of("input", Map.of("id", member, "version", 0, "toUnionId", to)));
        assertFalse(released.hasErrors(), released::toString);
        Map<String, Object> decision = new LinkedHashMap<>(Map.of("transferId", released.<Object>data("releaseMember.id"), "version", 1));
        if (!accept) {
            decision.put("reason", "本人未到岗");
        }
        Result decided = GraphQLClient.post(Tokens.forDemoUser(receiver), "mutation($input: TransferDecisionInput!) { "
                + (accept ? "acceptTransfer" : "cancelTransfer") + "(input: $input) { id } }", Map.of("input", decision));
        assertFalse(decided.hasErrors(), decided::toString);
    }

    static final List<String> DOCUMENTS = List.of("""
            { me { union { ...U children(first: 10) { edges { node { ...U } } } } }
              unions(first: 40) { pageInfo { hasNextPage } edges { node { ...U
                children(first: 5) { edges { node { ...U } } }
                members(first: 5) { edges { node { ...M } } }
                statistics { members } } } } }
            fragment U on Union { __typename id ancestors { id } parent { __typename id } }
            fragment M on Member { __typename id union { id } unionChain { id } }""", """
            { members(first: 40) { pageInfo { hasNextPage } edges { node { __typename id union { id } history(first: 3) { edges { node { id } } } } } }
              membershipTransfers(first: 40) { edges { node { __typename id membershipId memberName member { __typename id } } } } }""", """
            { fundsRemittances(first: 40) { totals { amountDueYuan } edges { node { __typename id union { __typename id } } } }
              shellUnions(first: 40) { criteria { fundsMonths } edges { node { union { __typename id } } } }
              auditEvents(first: 20) { edges { node { id changes { field } } } }
              rosterImports(first: 20) { edges { node { id union { id } failures(first: 3) { edges { node { row } } } } } }
              enrolmentTargets(first: 20) { edges { node { id progress { achieved } } } }
              workforceCounts(first: 20) { edges { node { id } } } }""", """
            { servicePrograms(first: 40) { edges { node { __typename id organiser { id } beneficiaries(first: 5) { edges { node { id } } } } } }
              serviceSites(first: 40) { edges { node { __typename id hostUnion { id } location { latitude } } } } }""");

    /** The direct query of each kind of object that a nested field may return. */
    static final Map<String, String> DIRECT = Map.of(
            "Union", "union", "Member", "member", "MembershipTransfer", "membershipTransfer",
            "FundsRemittance", "", "ServiceProgram", "serviceProgram", "ServiceSite", "serviceSite");

    @ParameterizedTest
    @MethodSource("officials")
    void nestedObjectsAreOnesTheirDirectQueryReturns(String official) {
        String token = Tokens.forDemoUser(official);
        Map<String, Set<String>> reached = new LinkedHashMap<>();
        List<String> hiddenMembers = new ArrayList<>();
        List<String> hiddenParents = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Result result = GraphQLClient.post(token, document);
            assertEquals(200, result.status(), result::toString);
            assertFalse(result.hasErrors(), result::toString);
            collect(result.json().get("data"), reached, hiddenMembers, hiddenParents);
        }
        assertFalse(reached.getOrDefault("Union", Set.of()).isEmpty(), "the documents reached no union");
        assertFalse(reached.getOrDefault("Member", Set.of()).isEmpty(), "the documents reached no member");
        reached.forEach((type, ids) -> {
            String query = DIRECT.get(type);
            assertNotNull(query, "no direct query known for " + type);
            if (query.isEmpty()) {
                return; // listed only, no query of its own
            }
            for (String id : ids) {
                Result direct = GraphQLClient.post(token, "query($id: ID!) { " + query + "(id: $id) { id } }", Map.of("id", id));
                assertFalse(direct.hasErrors(), () -> official + " reached " + type + " " + id + " through a nested field, but " + direct);
                assertEquals(id, String.valueOf(direct.<Object>data(query + ".id")));
            }
        });
        for (String id : hiddenMembers) {
            Result direct = GraphQLClient.post(token, "query($id: ID!) { member(id: $id) { id } }", Map.of("id", id));
            assertEquals("NOT_FOUND", direct.errorCode(), () -> official + ": a transfer hid member " + id + " that member(id) shows: " + direct);
        }
        for (String id : hiddenParents) {
            Result direct = GraphQLClient.post(token, "query($id: ID!) { union(id: $id) { id } }", Map.of("id", id));
            assertEquals("NOT_FOUND", direct.errorCode(), () -> official + ": parent " + id + " hidden although union(id) shows it: " + direct);
        }
    }

    /** Every object with a __typename in the response, plus the links a nested field left null. */
    @SuppressWarnings("unchecked")
    private static void collect(Object node, Map<String, Set<String>> reached, List<String> hiddenMembers, List<String> hiddenParents) {
        if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, reached, hiddenMembers, hiddenParents));
        } else if (node instanceof Map<?, ?> map) {
            Map<String, Object> object = (Map<String, Object>) map;
            if (object.get("__typename") instanceof String type && object.get("id") != null) {
                reached.computeIfAbsent(type, k -> new TreeSet<>()).add(String.valueOf(object.get("id")));
            }
            if ("MembershipTransfer".equals(object.get("__typename")) && object.get("member") == null) {
                hiddenMembers.add(String.valueOf(object.get("membershipId")));
            }
            if ("Union".equals(object.get("__typename")) && object.containsKey("parent") && object.get("parent") == null
                    && object.get("ancestors") instanceof List<?> ancestors && !ancestors.isEmpty()) {
                hiddenParents.add(String.valueOf(((Map<String, Object>) ancestors.get(ancestors.size() - 1)).get("id")));
            }
            object.values().forEach(value -> collect(value, reached, hiddenMembers, hiddenParents));
        }
    }
}
