package org.gonghui.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.member.IdNumber;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** Subtree figures against our own recount of the raw rows, after every kind of write; as-of figures; drill-down cost; errors. */
@QuarkusTestWithOidc
class StatisticsTests {

    static final List<Long> UNIONS = List.of(1L, 41L, 4103L, 410306L, 4103061L, 4103062L, 41030611L, 41030612L, 41030621L, 22L, 2208L, 220802L,
            2208021L, 22080211L, 220822L);
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    DataSource dataSource;

    @Inject
    StatisticsFolder folder;

    @Inject
    SessionFactory sessionFactory;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static String january() {
        return YearMonth.now(CHINA).withMonth(1).toString();
    }

    static String thisMonth() {
        return YearMonth.now(CHINA).toString();
    }

    static Result post(String user, String query, Map<String, Object> variables) {
        return GraphQLClient.post(Tokens.forDemoUser(user), query, variables);
    }

    /**
     * Aliased `statistics` fields per request: each is a heavy field, at most 5 per document
     * (gonghui.limits.max-heavy-fields), and at most 1 as of a past day (gonghui.limits.max-as-of-fields).
     */
    static final int UNIONS_PER_REQUEST = 5;

    /** The figures of each union (one alias per union, a few unions per request), rendered like the recount. */
    static Map<Long, Map<String, String>> figures(String user, List<Long> ids, String asOf, String from, String to) {
        Map<Long, Map<String, String>> rendered = new LinkedHashMap<>();
        int perRequest = asOf == null ? UNIONS_PER_REQUEST : 1;
        for (int start = 0; start < ids.size(); start += perRequest) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + perRequest));
            StringBuilder query = new StringBuilder("{");
            for (long id : chunk) {
                query.append(" u").append(id).append(": statistics(unionId: ").append(id);
                if (asOf != null) {
                    query.append(", asOf: \"").append(asOf).append('"');
                }
                if (from != null) {
                    query.append(", period: {from: \"").append(from).append("\", to: \"").append(to).append("\"}");
                }
                query.append(") { ").append(StatisticsRecount.FIELDS).append(" }");
            }
            Result result = GraphQLClient.post(Tokens.forDemoUser(user), query.append(" }").toString());
            assertFalse(result.hasErrors(), result::toString);
            for (long id : chunk) {
                rendered.put(id, StatisticsRecount.render(result.data("u" + id)));
            }
        }
        return rendered;
    }

    void assertExact(String after) {
        Map<Long, Map<String, String>> recount = StatisticsRecount.recount(dataSource, UNIONS, january(), thisMonth());
        assertEquals(recount, figures("quanzong", UNIONS, null, null, null), "after " + after);
    }

    static long id(Result result, String path) {
        assertFalse(result.hasErrors(), result::toString);
        return Long.parseLong(String.valueOf(result.<Object>data(path)));
    }

    static String idNumber(int n) {
        String id17 = "41030619900101" + String.format("%03d", n);
        return id17 + IdNumber.checkCharacter(id17);
    }

    /** Applies on a worker's behalf and approves: a new member of the union. */
    static long join(String official, long unionId, int n, boolean newForm) {
        Map<String, Object> input = new HashMap<>(Map.of("unionId", unionId, "name", "测试" + n, "idNumber", idNumber(n), "employerName", "测试单位",
                "keyGroups", List.of("COURIER", "FOOD_DELIVERY_RIDER"), "newEmploymentForm", newForm, "migrantWorker", true));
        long id = id(post(official, "mutation($input: ApplyForMembershipInput!) { applyForMembership(input: $input) { id } }", Map.of("input", input)),
                "applyForMembership.id");
        Result approved = post(official, "mutation($input: MemberDecisionInput!) { approveApplication(input: $input) { status } }",
                Map.of("input", Map.of("id", id, "version", 0)));
        assertFalse(approved.hasErrors(), approved::toString);
        return id;
    }

    static int memberVersion(DataSource dataSource, long id) {
        return (int) DemoData.queryLong(dataSource, "select version from membership where id = " + id);
    }

    static void transfer(DataSource dataSource, String official, long memberId, long toUnionId) {
        Result released = post(official, "mutation($input: ReleaseMemberInput!) { releaseMember(input: $input) { id } }",
                Map.of("input", Map.of("id", memberId, "version", memberVersion(dataSource, memberId), "toUnionId", toUnionId, "reason", "工作调动")));
        long transferId = id(released, "releaseMember.id");
        Result accepted = post(official, "mutation($input: TransferDecisionInput!) { acceptTransfer(input: $input) { status } }",
                Map.of("input", Map.of("transferId", transferId, "version", memberVersion(dataSource, memberId))));
        assertFalse(accepted.hasErrors(), accepted::toString);
    }

    static Result move(DataSource dataSource, String official, long unionId, long newParentId) {
        return post(official, "mutation($input: MoveUnionInput!) { moveUnion(input: $input) { id } }",
                Map.of("input", Map.of("id", unionId, "version", DemoData.version(dataSource, unionId), "newParentId", newParentId)));
    }

    @Test
    void figuresOfEveryTierEqualARecountOfTheRawRowsBeforeAndAfterFolding() {
        join("quanzong", 41030612, 1, true);
        assertExact("a join, possibly not folded yet");
        folder.foldAll();
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from stat_pending"));
        assertExact("folding");
        Map<String, String> national = figures("quanzong", List.of(1L), null, null, null).get(1L);
        assertEquals("13", national.get("members"), national::toString);
        assertEquals("1", national.get("newMembers"), national::toString);
        assertEquals("{COURIER=2, FOOD_DELIVERY_RIDER=2, MALL_INFO_STAFF=1, REAL_ESTATE_AGENT=1, SECURITY_GUARD=2, TRUCK_DRIVER=1}",
                national.get("membersByKeyGroup"));
    }

    @Test
    void everyKindOfWriteKeepsTheFiguresExact() {
        assertExact("the demo data");
        long joined = join("quanzong", 41030612, 2, true);
        assertExact("a join");
        Result withdrawn = post("quanzong", "mutation($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }",
                Map.of("input", Map.of("id", 8, "version", memberVersion(dataSource, 8), "status", "WITHDRAWN", "reason", "本人申请退会")));
        assertFalse(withdrawn.hasErrors(), withdrawn::toString);
        assertExact("a withdrawal");
        Result updated = post("quanzong", "mutation($input: UpdateMemberInput!) { updateMember(input: $input) { version } }",
                Map.of("input", Map.of("id", joined, "version", memberVersion(dataSource, joined), "keyGroups", List.of("TRUCK_DRIVER"))));
        assertFalse(updated.hasErrors(), updated::toString);
        assertExact("a change of key groups");
        folder.foldAll();
        transfer(dataSource, "quanzong", 9, 22080211);
        assertExact("a transfer to another province");

        long township = id(post("quanzong", "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }", Map.of("input",
                Map.of("parentId", 410306, "level", "TOWNSHIP", "kind", "ZONE_UNION", "name", "吉利区测试园区工会"))), "createUnion.id");
        long platform = id(post("quanzong", "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id newEmploymentForm } }", Map.of("input",
                Map.of("parentId", township, "level", "GRASSROOTS", "kind", "PLATFORM", "name", "测试平台工会", "hostEmployerName", "测试平台有限公司",
                        "hostEmployerCreditCode", "91410306MA45Y7D3EL"))), "createUnion.id");
        assertExact("creating unions");
        assertFalse(move(dataSource, "quanzong", 41030611, township).hasErrors());
        join("quanzong", platform, 3, true);
        assertExact("a grassroots union with members moved under a new township");
        folder.foldAll();
        Result moved = move(dataSource, "quanzong", township, 220802);
        assertFalse(moved.hasErrors(), moved::toString);
        assertExact("a subtree with members moved to another province");
        folder.foldAll();
        assertExact("folding after the move");

        long program = id(post("quanzong", "mutation($input: CreateServiceProgramInput!) { createServiceProgram(input: $input) { id } }", Map.of("input",
                Map.of("unionId", 410306, "kind", "WINTER_WARMTH", "name", "两节送温暖", "periodStart", january() + "-01", "periodEnd",
                        LocalDate.now(CHINA).withMonth(12).withDayOfMonth(31).toString(), "budgetYuan", "1000.00", "status", "OPEN"))), "createServiceProgram.id");
        assertFalse(post("quanzong", "mutation($input: GrantBenefitInput!) { grantBenefit(input: $input) { id } }",
                Map.of("input", Map.of("programId", program, "memberId", 5, "amountYuan", "300.25"))).hasErrors());
        assertFalse(post("quanzong", "mutation($input: GrantBenefitInput!) { grantBenefit(input: $input) { id } }",
                Map.of("input", Map.of("programId", program, "organisationName", "吉利区顺通货运", "inKindItem", "慰问品", "inKindQuantity", 3))).hasErrors());
        Result site = post("quanzong", "mutation($input: CreateServiceSiteInput!) { createServiceSite(input: $input) { id } }", Map.of("input",
                Map.of("unionId", 4103062, "kind", "DRIVERS_HOME", "name", "测试司机之家", "latitude", 34.9, "longitude", 112.58)));
        assertFalse(site.hasErrors(), site::toString);
        assertExact("a program's benefits and a new site");
        Result dissolved = post("quanzong", "mutation($input: DissolveUnionInput!) { dissolveUnion(input: $input) { status } }",
                Map.of("input", Map.of("id", platform, "version", DemoData.version(dataSource, platform), "reason", "企业注销")));
        assertFalse(dissolved.hasErrors(), dissolved::toString);
        assertExact("a dissolution");
        folder.foldAll();
        assertExact("the final fold");
        Map<String, String> jilin = figures("quanzong", List.of(22L), null, null, null).get(22L);
        assertTrue(jilin.get("unionsByStatus").contains("DISSOLVED=1"), jilin::toString);
    }

    @Test
    void asOfAnswersAsTheHierarchyAndTheMembershipsStoodThatDay() {
        Map<Long, Map<String, String>> before = StatisticsRecount.recount(dataSource, UNIONS, "2025-01", "2025-12");
        // Everything so far happened a year ago.
        DemoData.execute(dataSource, "update stat_change set occurred_at = occurred_at - interval '400 days'");
        DemoData.execute(dataSource, "update union_move set moved_at = moved_at - interval '400 days'");
        String dayBefore = LocalDate.now(CHINA).minusDays(1).toString();

        join("quanzong", 41030612, 4, true);
        transfer(dataSource, "quanzong", 3, 22080212);
        assertFalse(move(dataSource, "quanzong", 41030612, 2208021).hasErrors());
        assertFalse(post("quanzong", "mutation($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }",
                Map.of("input", Map.of("id", 6, "version", memberVersion(dataSource, 6), "status", "WITHDRAWN", "reason", "退会"))).hasErrors());
        Result site = post("quanzong", "mutation($input: CreateServiceSiteInput!) { createServiceSite(input: $input) { id } }", Map.of("input",
                Map.of("unionId", 4103062, "kind", "DRIVERS_HOME", "name", "测试司机之家", "latitude", 34.9, "longitude", 112.58)));
        assertFalse(site.hasErrors(), site::toString);
        folder.foldAll();

        Map<Long, Map<String, String>> past = figures("quanzong", UNIONS, dayBefore, "2025-01", "2025-12");
        for (long id : UNIONS) {
            // The recount taken before the changes is what the day before today looked like.
            assertEquals(before.get(id), past.get(id), "union " + id);
        }
        assertExact("today's changes");
        Result asOf = post("quanzong", "{ statistics(unionId: 4103061, asOf: \"" + dayBefore + "\") { asOf periodFrom periodTo } }", Map.of());
        assertEquals(dayBefore, asOf.data("statistics.asOf"), asOf::toString);
        assertEquals(dayBefore.substring(0, 4) + "-01", asOf.data("statistics.periodFrom"));
    }

    @Test
    void drillDownFiguresOfEveryChildCostOneStatement() {
        join("quanzong", 41030612, 5, false);
        String query = "{ union(id: 1) { children(first: 20) { edges { node { id statistics { members unions sites newMembers } } } } } }";
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        Result result = post("quanzong", query, Map.of());
        long statements = statistics.getPrepareStatementCount();
        assertFalse(result.hasErrors(), result::toString);
        List<Map<String, Object>> children = result.json().getList("data.union.children.edges.node");
        assertEquals(3, children.size(), result::toString);
        Map<Long, Map<String, String>> recount = StatisticsRecount.recount(dataSource, List.of(41L, 22L, 43L), january(), thisMonth());
        for (Map<String, Object> child : children) {
            Map<String, Object> figures = (Map<String, Object>) child.get("statistics");
            Map<String, String> expected = recount.get(Long.valueOf(String.valueOf(child.get("id"))));
            assertEquals(expected.get("members"), String.valueOf(figures.get("members")), result::toString);
            assertEquals(expected.get("unions"), String.valueOf(figures.get("unions")));
            assertEquals(expected.get("sites"), String.valueOf(figures.get("sites")));
            assertEquals(expected.get("newMembers"), String.valueOf(figures.get("newMembers")));
        }
        // The union, its children, the figures of all children (the caller's scope is read before, outside Hibernate).
        assertEquals(3, statements, result::toString);
    }

    @Test
    void theServicesConnectionsDoNotJitCompilePlans() {
        // The as-of statement's estimate passes jit_above_cost; compiling it would cost more than running it.
        assertEquals("off", DemoData.queryString(dataSource, "select current_setting('jit')"));
    }

    @Test
    void memberTrendGivesEachMonthOfTheRange() {
        join("quanzong", 41030612, 6, true);
        join("quanzong", 41030611, 7, false);
        Result withdrawn = post("quanzong", "mutation($input: ChangeMemberStatusInput!) { changeMemberStatus(input: $input) { status } }",
                Map.of("input", Map.of("id", 5, "version", memberVersion(dataSource, 5), "status", "WITHDRAWN", "reason", "退会")));
        assertFalse(withdrawn.hasErrors(), withdrawn::toString);
        String from = YearMonth.now(CHINA).minusMonths(2).toString();
        Result trend = post("luoyang", "query($u: ID!, $from: String!, $to: String!) { memberTrend(unionId: $u, from: $from, to: $to) "
                + "{ month newMembers newEmploymentFormNewMembers withdrawals } }", Map.of("u", 4103061, "from", from, "to", thisMonth()));
        assertFalse(trend.hasErrors(), trend::toString);
        List<Map<String, Object>> months = trend.json().getList("data.memberTrend");
        assertEquals(3, months.size());
        assertEquals(from, months.get(0).get("month"));
        assertEquals(Map.of("month", thisMonth(), "newMembers", 2, "newEmploymentFormNewMembers", 1, "withdrawals", 1), months.get(2));
        assertEquals(0, months.get(0).get("newMembers"));
    }

    @Test
    void badDatesAndUnionsOutsideTheSubtreeAreRefusedWithStableCodes() {
        String tomorrow = LocalDate.now(CHINA).plusDays(1).toString();
        Result future = post("luoyang", "{ statistics(unionId: 4103, asOf: \"" + tomorrow + "\") { members } }", Map.of());
        assertEquals("VALIDATION", future.errorCode(), future::toString);
        assertTrue(future.errorMessage().startsWith("asOf"), future::toString);
        assertNull(future.json().get("data"));
        for (String[] bad : List.of(new String[] { "2026-13", "2026-12" }, new String[] { "2026-05", "2026-04" }, new String[] { "2010-01", "2026-12" },
                new String[] { "26-1", "2026-12" })) {
            Result r = post("luoyang", "query($p: MonthRangeInput) { statistics(unionId: 4103, period: $p) { members } }",
                    Map.of("p", Map.of("from", bad[0], "to", bad[1])));
            assertEquals("VALIDATION", r.errorCode(), r::toString);
            assertTrue(r.errorMessage().startsWith("period."), r::toString);
        }
        Result trend = post("luoyang", "{ memberTrend(unionId: 4103, from: \"2026-05\", to: \"2026-01\") { month } }", Map.of());
        assertEquals("VALIDATION", trend.errorCode(), trend::toString);
        Result outside = post("jili", "{ statistics(unionId: 4103) { members } }", Map.of());
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
        Result otherProvince = post("luoyang", "{ statistics(unionId: 22) { members } }", Map.of());
        assertEquals("NOT_FOUND", otherProvince.errorCode(), otherProvince::toString);
        Result member = post("worker", "{ statistics(unionId: 41030611) { members } }", Map.of());
        assertEquals("FORBIDDEN", member.errorCode(), member::toString);
        Result anonymous = GraphQLClient.post(null, "{ statistics(unionId: 41030611) { members } }");
        assertEquals("UNAUTHENTICATED", anonymous.errorCode(), anonymous::toString);
    }

    @Test
    void platformUnionsAreAlwaysNewEmploymentFormUnionsAndTheFlagCounts() {
        Result refused = post("jili", "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id } }", Map.of("input",
                Map.of("parentId", 4103061, "level", "GRASSROOTS", "kind", "PLATFORM", "name", "平台工会", "newEmploymentForm", false,
                        "hostEmployerName", "某平台", "hostEmployerCreditCode", "91410306MA45Y7D3EL")));
        assertEquals("VALIDATION", refused.errorCode(), refused::toString);
        Result flagged = post("jili", "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id newEmploymentForm } }", Map.of("input",
                Map.of("parentId", 4103061, "level", "GRASSROOTS", "kind", "JOINT", "name", "快递员联合工会", "newEmploymentForm", true)));
        assertEquals(Boolean.TRUE, flagged.data("createUnion.newEmploymentForm"), flagged::toString);
        Result platform = post("jili", "mutation($input: CreateUnionInput!) { createUnion(input: $input) { id newEmploymentForm } }", Map.of("input",
                Map.of("parentId", 4103061, "level", "GRASSROOTS", "kind", "PLATFORM", "name", "平台工会", "hostEmployerName", "某平台",
                        "hostEmployerCreditCode", "91410306MA45Y7D3EL")));
        assertEquals(Boolean.TRUE, platform.data("createUnion.newEmploymentForm"), platform::toString);
        long jointId = id(flagged, "createUnion.id");
        Result ownUnion = post("jili", "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { newEmploymentForm } }",
                Map.of("input", Map.of("id", 410306, "version", DemoData.version(dataSource, 410306), "newEmploymentForm", true)));
        assertEquals("FORBIDDEN", ownUnion.errorCode(), ownUnion::toString);
        Result cleared = post("jili", "mutation($input: UpdateUnionInput!) { updateUnion(input: $input) { newEmploymentForm } }",
                Map.of("input", Map.of("id", jointId, "version", DemoData.version(dataSource, jointId), "newEmploymentForm", false)));
        assertEquals(Boolean.FALSE, cleared.data("updateUnion.newEmploymentForm"), cleared::toString);
        Map<String, String> street = figures("jili", List.of(4103061L), null, null, null).get(4103061L);
        // The street union, its two enterprise unions, the joint union and the platform union: one of five is new-form.
        assertEquals("5", street.get("unions"));
        assertEquals("1", street.get("newEmploymentFormUnions"));
        assertEquals(String.format("%.6f", 0.2), street.get("newEmploymentFormUnionShare"));
    }
}
