package org.gonghui.funds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.gonghui.union.UnionRules;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/**
 * The shell-union check on the demo hierarchy, each situation built with SQL: unions and their
 * ledger rows are backdated (the demo data is created "now", inside every window), then one fact at a
 * time is made recent again. 吉利区 (410306) has five ACTIVE grassroots unions: 道路运输工联 41030601
 * (one ACTIVE member), 家政工联 41030602 (none), 河阳保安 41030611 (three ACTIVE, one RETAINED),
 * 顺达商贸 41030612 (two ACTIVE) and 康乐社区 41030621 (one ACTIVE, one PROVISIONAL).
 */
@QuarkusTestWithOidc
class ShellUnionTests {

    static final String SHELLS = """
            query($u: ID, $first: Int, $after: String, $funds: Int, $inactive: Int) {
                shellUnions(unionId: $u, first: $first, after: $after, fundsMonths: $funds, inactiveMonths: $inactive) {
                    totalCount
                    criteria { fundsMonths fundsFromMonth fundsToMonth inactiveMonths inactiveSince }
                    pageInfo { hasNextPage hasPreviousPage endCursor }
                    edges { node { union { id name } reasons lastRemittanceMonth lastActivityAt activeMembers } } } }""";

    /** When the backdated unions were created, and when their last activity happened (both long before every default window). */
    static final String CREATED = "timestamptz '2020-01-15 09:00:00+08'";
    static final String LAST_ACTIVE = "timestamptz '2024-05-06 07:08:09+08'";
    static final Instant LAST_ACTIVE_INSTANT = OffsetDateTime.parse("2024-05-06T07:08:09+08:00").toInstant();

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static Result shells(String user, Map<String, Object> variables) {
        return GraphQLClient.post(user == null ? null : Tokens.forDemoUser(user), SHELLS, variables);
    }

    /** Union id → its reasons, for one page. */
    static Map<String, List<String>> reasons(Result result) {
        assertFalse(result.hasErrors(), result::toString);
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        List<Map<String, Object>> nodes = result.json().getList("data.shellUnions.edges.node");
        for (Map<String, Object> node : nodes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> union = (Map<String, Object>) node.get("union");
            @SuppressWarnings("unchecked")
            List<String> why = (List<String>) node.get("reasons");
            reasons.put((String) union.get("id"), why);
        }
        return reasons;
    }

    static Map<String, Object> node(Result result, String unionId) {
        List<Map<String, Object>> nodes = result.json().getList("data.shellUnions.edges.node");
        return nodes.stream().filter(n -> unionId.equals(((Map<?, ?>) n.get("union")).get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("union " + unionId + " not listed: " + result));
    }

    /** Every union created long ago, and every member change, benefit and record change long past. */
    void backdate() {
        DemoData.execute(dataSource, "update trade_union set created_at = " + CREATED + ", updated_at = " + LAST_ACTIVE);
        DemoData.execute(dataSource, "update stat_change set occurred_at = " + LAST_ACTIVE);
        DemoData.execute(dataSource, "update program_beneficiary set created_at = " + LAST_ACTIVE);
    }

    static YearMonth monthsAgo(int n) {
        return YearMonth.now(UnionRules.CHINA).minusMonths(n);
    }

    /** A remittance written directly, recorded long ago (so it is no activity of the window). */
    void remittance(long unionId, YearMonth month, String paid) {
        DemoData.execute(dataSource, "insert into funds_remittance (union_id, employer_name, employer_credit_code, month, payroll, amount_paid, recorded_by,"
                + " recorded_at) values (" + unionId + ", '某单位', '91410306MA46A1B2CE', date '" + month.atDay(1) + "', 10000, " + paid + ", 'test', "
                + LAST_ACTIVE + ")");
    }

    @Test
    void unionsCreatedInsideTheWindowsAreJudgedOnlyOnTheirActiveMembers() {
        Result fresh = shells("jili", Map.of());
        assertEquals(Map.of("41030602", List.of("NO_ACTIVE_MEMBERS")), reasons(fresh));
        Map<String, Object> node = node(fresh, "41030602");
        assertEquals(0, node.get("activeMembers"));
        assertNull(node.get("lastRemittanceMonth"));
        assertNull(node.get("lastActivityAt"), "no member, benefit or remittance ever");
        assertEquals(1, fresh.<Integer>data("shellUnions.totalCount"));
    }

    @Test
    void retainedWithdrawnAndProvisionalMembersAreNotActiveMembers() {
        DemoData.execute(dataSource, "update membership set status = 'WITHDRAWN' where id = 9");
        DemoData.execute(dataSource, "update membership set status = 'RETAINED' where id = 8");
        Result result = shells("jili", Map.of());
        assertEquals(Map.of("41030601", List.of("NO_ACTIVE_MEMBERS"), "41030602", List.of("NO_ACTIVE_MEMBERS"), "41030621", List.of("NO_ACTIVE_MEMBERS")),
                reasons(result));
        assertEquals(List.of("41030601", "41030602", "41030621"), result.json().getList("data.shellUnions.edges.node.union.id"), "in tree order");
        assertEquals(0, node(result, "41030621").get("activeMembers"));
    }

    @Test
    void unionsOlderThanTheWindowsWithoutFundsOrActivityShowEveryReasonThatApplies() {
        backdate();
        Result result = shells("jili", Map.of());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("41030601", List.of("NO_FUNDS_REMITTED", "NO_ACTIVITY"));
        expected.put("41030602", List.of("NO_ACTIVE_MEMBERS", "NO_FUNDS_REMITTED", "NO_ACTIVITY"));
        expected.put("41030611", List.of("NO_FUNDS_REMITTED", "NO_ACTIVITY"));
        expected.put("41030612", List.of("NO_FUNDS_REMITTED", "NO_ACTIVITY"));
        expected.put("41030621", List.of("NO_FUNDS_REMITTED", "NO_ACTIVITY"));
        assertEquals(expected, reasons(result));
        Map<String, Object> baoan = node(result, "41030611");
        assertEquals(3, baoan.get("activeMembers"));
        assertEquals(LAST_ACTIVE_INSTANT, OffsetDateTime.parse((String) baoan.get("lastActivityAt")).toInstant());
        assertNull(node(result, "41030602").get("lastActivityAt"));
        assertEquals(Map.of("fundsMonths", 3, "fundsFromMonth", monthsAgo(3).toString(), "fundsToMonth", monthsAgo(1).toString(), "inactiveMonths", 6),
                without(result.data("shellUnions.criteria"), "inactiveSince"));
    }

    static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
    }

    @Test
    void fundsPaidForAnyCompleteMonthOfTheWindowClearNoFundsRemitted() {
        backdate();
        remittance(41030611, monthsAgo(3), "200.00");
        remittance(41030612, monthsAgo(1), "0");
        remittance(41030621, monthsAgo(0), "200.00");
        remittance(41030621, monthsAgo(4), "200.00");
        Result result = shells("jili", Map.of());
        assertEquals(List.of("NO_ACTIVITY"), reasons(result).get("41030611"), "paid in the first month of the window");
        assertEquals(monthsAgo(3).toString(), node(result, "41030611").get("lastRemittanceMonth"));
        assertEquals(List.of("NO_FUNDS_REMITTED", "NO_ACTIVITY"), reasons(result).get("41030612"), "a record with nothing paid is no remittance");
        assertNull(node(result, "41030612").get("lastRemittanceMonth"));
        assertEquals(List.of("NO_FUNDS_REMITTED", "NO_ACTIVITY"), reasons(result).get("41030621"), "the current month is not complete; four months ago is outside");
        assertEquals(monthsAgo(0).toString(), node(result, "41030621").get("lastRemittanceMonth"));

        Result wider = shells("jili", Map.of("funds", 4));
        assertEquals(List.of("NO_ACTIVITY"), reasons(wider).get("41030621"));
        assertEquals(monthsAgo(4).toString(), wider.data("shellUnions.criteria.fundsFromMonth"));
        assertEquals(List.of("NO_FUNDS_REMITTED", "NO_ACTIVITY"), reasons(wider).get("41030612"));
    }

    @Test
    void memberChangesBenefitsRemittancesAndRecordChangesInTheWindowClearNoActivity() {
        backdate();
        Instant start = Instant.now();
        // 41030601: a member's key groups change (the ledger records a MEMBER row)
        DemoData.execute(dataSource, "update membership set key_groups = '{TRUCK_DRIVER,COURIER}' where id = 9");
        // 41030611: its member 何强 benefits from a program organised by 吉利区 (the ledger row belongs to 410306)
        DemoData.execute(dataSource, """
                insert into service_program (id, union_id, kind, name, period_start, period_end, budget, status)
                values (70, 410306, 'SUMMER_COOLING', '吉利区夏送清凉', current_date, current_date, 1000, 'OPEN'),
                       (71, 41030612, 'CULTURE_SPORTS', '顺达商贸文体活动', current_date, current_date, 1000, 'OPEN');
                insert into program_beneficiary (program_id, union_id, membership_id, person_hash, amount, granted_on, created_by)
                select 70, 410306, m.id, m.person_hash, 50, current_date, 'test' from membership m where m.id = 1;
                insert into program_beneficiary (program_id, union_id, organisation_name, amount, granted_on, created_by)
                values (71, 41030612, '洛阳顺达商贸有限公司', 300, current_date, 'test')""");
        // 41030621: its record changed
        DemoData.execute(dataSource, "update trade_union set updated_at = now() where id = 41030621");
        // 41030602: a remittance recorded now, for a month long past
        Result recorded = GraphQLClient.post(Tokens.forDemoUser("jili"), FundsRemittanceTests.RECORD, Map.of("input",
                FundsRemittanceTests.remittance(41030602, FundsRemittanceTests.XIAOLING, monthsAgo(12), "8000.00", "160.00")));
        assertFalse(recorded.hasErrors(), recorded::toString);

        Result result = shells("jili", Map.of());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("41030601", List.of("NO_FUNDS_REMITTED"));
        expected.put("41030602", List.of("NO_ACTIVE_MEMBERS", "NO_FUNDS_REMITTED"));
        expected.put("41030611", List.of("NO_FUNDS_REMITTED"));
        expected.put("41030612", List.of("NO_FUNDS_REMITTED"));
        expected.put("41030621", List.of("NO_FUNDS_REMITTED"));
        assertEquals(expected, reasons(result));
        for (String union : List.of("41030601", "41030602", "41030611", "41030612")) {
            Instant last = OffsetDateTime.parse((String) node(result, union).get("lastActivityAt")).toInstant();
            assertFalse(last.isBefore(start.minusSeconds(5)), union + " last active " + last);
        }
        assertEquals(monthsAgo(12).toString(), node(result, "41030602").get("lastRemittanceMonth"));
        assertEquals(LAST_ACTIVE_INSTANT, OffsetDateTime.parse((String) node(result, "41030621").get("lastActivityAt")).toInstant(),
                "a record change is no member, benefit or remittance activity");

        // the same facts, long past, no longer count
        backdate();
        DemoData.execute(dataSource, "update funds_remittance set recorded_at = " + LAST_ACTIVE);
        assertTrue(reasons(shells("jili", Map.of())).values().stream().allMatch(r -> r.contains("NO_ACTIVITY")));
    }

    @Test
    void theWindowsCanBeChosenPerQueryWithinOneToOneHundredTwentyMonths() {
        backdate();
        // the last activity is 2024-05-06: inside a 36-month window, outside a 24-month one
        Result wide = shells("jili", Map.of("inactive", 36));
        assertTrue(reasons(wide).values().stream().noneMatch(r -> r.contains("NO_ACTIVITY")), wide::toString);
        assertEquals(36, wide.<Integer>data("shellUnions.criteria.inactiveMonths"));
        Result narrow = shells("jili", Map.of("inactive", 24));
        assertTrue(reasons(narrow).values().stream().allMatch(r -> r.contains("NO_ACTIVITY")), narrow::toString);
        for (Map.Entry<String, Integer> bad : List.of(Map.entry("funds", 0), Map.entry("funds", 121), Map.entry("inactive", -1), Map.entry("inactive", 1000))) {
            Result result = shells("jili", Map.of(bad.getKey(), bad.getValue()));
            assertEquals("VALIDATION", result.errorCode(), result::toString);
            assertTrue(result.errorMessage().startsWith(bad.getKey().equals("funds") ? "fundsMonths:" : "inactiveMonths:"), result::toString);
            assertNull(result.data("shellUnions"));
        }
        assertEquals(5, reasons(shells("jili", Map.of("funds", 1, "inactive", 120))).size());
    }

    @Test
    void aUnionIsJudgedOnAWindowOnlyIfItExistedWhenTheWindowBegan() {
        backdate();
        DemoData.execute(dataSource, "update trade_union set created_at = now() - interval '2 months', updated_at = now() - interval '2 months' where id = 41030611");
        assertFalse(reasons(shells("jili", Map.of())).containsKey("41030611"), "created two months ago: inside both default windows");
        assertEquals(List.of("NO_FUNDS_REMITTED", "NO_ACTIVITY"), reasons(shells("jili", Map.of("funds", 1, "inactive", 1))).get("41030611"));
        assertEquals(List.of("NO_ACTIVITY"), reasons(shells("jili", Map.of("funds", 3, "inactive", 1))).get("41030611"));
    }

    @Test
    void onlyActiveGrassrootsUnionsOfTheCallersSubtreeAreListed() {
        backdate();
        DemoData.execute(dataSource, "update trade_union set status = 'PREPARING' where id = 41030602");
        DemoData.execute(dataSource, "update trade_union set status = 'DISSOLVED', dissolved_on = current_date where id = 41030621");
        assertEquals(List.of("41030601", "41030611", "41030612"), List.copyOf(reasons(shells("jili", Map.of())).keySet()));
        assertEquals(List.of("41030611", "41030612"), List.copyOf(reasons(shells("heyang", Map.of())).keySet()));
        assertEquals(List.of("41030611"), List.copyOf(reasons(shells("heyang-baoan", Map.of())).keySet()));
        assertEquals(List.of("41030611", "41030612"), List.copyOf(reasons(shells("luoyang", Map.of("u", 4103061))).keySet()));
        assertEquals(List.of("22080211", "22080212", "22080213", "22082201", "22082202", "22088211"),
                List.copyOf(reasons(shells("baicheng", Map.of())).keySet()));
        Result national = shells("quanzong", Map.of("first", 100));
        assertEquals(12, national.<Integer>data("shellUnions.totalCount"), national::toString);
        assertTrue(reasons(national).keySet().containsAll(List.of("41030611", "22080211", "43018111", "43122801")));

        for (Map.Entry<String, Long> outside : List.of(Map.entry("heyang", 410306L), Map.entry("jili", 2208L), Map.entry("baicheng", 41030611L))) {
            Result result = shells(outside.getKey(), Map.of("u", outside.getValue()));
            assertEquals("NOT_FOUND", result.errorCode(), result::toString);
            assertTrue(result.errorMessage().startsWith("unionId:"), result::toString);
            assertNull(result.data("shellUnions"));
        }
        Result member = shells("worker", Map.of());
        assertEquals("FORBIDDEN", member.errorCode(), member::toString);
        Result anonymous = shells(null, Map.of());
        assertEquals("UNAUTHENTICATED", anonymous.errorCode(), anonymous::toString);
    }

    @Test
    void pagesFollowTheTreeOrderAndTotalCountCoversEveryPage() {
        // a union with a small id under 康乐街道: in tree order it follows the unions of 河阳街道
        DemoData.execute(dataSource, """
                insert into trade_union (id, parent_id, path, level, kind, formation_mode, name, status)
                values (41030500, 4103062, '/1/41/4103/410306/4103062/41030500/', 'GRASSROOTS', 'JOINT', 'COMMUNITY', '康乐街道联合基层工会', 'ACTIVE')""");
        backdate();
        Result first = shells("luoyang", Map.of("first", 4));
        assertEquals(List.of("41030601", "41030602", "41030611", "41030612"), List.copyOf(reasons(first).keySet()));
        assertEquals(true, first.data("shellUnions.pageInfo.hasNextPage"));
        assertEquals(false, first.data("shellUnions.pageInfo.hasPreviousPage"));
        assertEquals(7, first.<Integer>data("shellUnions.totalCount"));
        Result second = shells("luoyang", Map.of("first", 4, "after", first.data("shellUnions.pageInfo.endCursor")));
        assertEquals(List.of("41030500", "41030621", "41032611"), List.copyOf(reasons(second).keySet()));
        assertEquals(false, second.data("shellUnions.pageInfo.hasNextPage"));
        assertEquals(true, second.data("shellUnions.pageInfo.hasPreviousPage"));
        assertEquals(7, second.<Integer>data("shellUnions.totalCount"));
        Result empty = shells("luoyang", Map.of("first", 0));
        assertEquals(List.of(), empty.json().getList("data.shellUnions.edges"), empty::toString);
        assertEquals(true, empty.data("shellUnions.pageInfo.hasNextPage"));
        Result foreign = shells("luoyang", Map.of("after", "bm90LWEtY3Vyc29y"));
        assertEquals("VALIDATION", foreign.errorCode(), foreign::toString);
    }

    @Test
    void aPageWithItsUnionsCostsOneStatementWhateverItsSize() {
        backdate();
        String query = "query($n: Int) { shellUnions(first: $n) { edges { node { union { id name level status updatedAt } reasons lastRemittanceMonth"
                + " lastActivityAt activeMembers } } } }";
        for (int size : new int[] { 2, 6 }) {
            sessionFactory.getStatistics().clear();
            Result page = GraphQLClient.post(Tokens.forDemoUser("luoyang"), query, Map.of("n", size));
            long statements = sessionFactory.getStatistics().getPrepareStatementCount();
            assertFalse(page.hasErrors(), page::toString);
            assertEquals(size, page.json().getList("data.shellUnions.edges").size());
            assertEquals(1, statements, "page of " + size);
        }
    }
}
