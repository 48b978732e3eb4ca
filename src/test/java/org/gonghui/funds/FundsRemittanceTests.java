package org.gonghui.funds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.gonghui.union.UnionRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


/** Recording union funds (2% of payroll, one record per employer and month) and listing them by subtree and month, checked with our own SQL. */
@QuarkusTestWithOidc
class FundsRemittanceTests {

    static final String RECORD = """
            mutation($input: RecordFundsRemittanceInput!) { recordFundsRemittance(input: $input) {
                id unionId union { id name } employerName employerCreditCode month payrollYuan amountDueYuan amountPaidYuan shortfallYuan
                recordedBy recordedAt } }""";
    static final String LIST = """
            query($u: ID, $from: String, $to: String, $first: Int, $after: String) {
                fundsRemittances(unionId: $u, from: $from, to: $to, first: $first, after: $after) {
                    totalCount totals { payrollYuan amountDueYuan amountPaidYuan shortfallYuan }
                    pageInfo { hasNextPage hasPreviousPage endCursor }
                    edges { cursor node { id unionId month employerCreditCode union { name } } } } }""";

    /** Host employers of demo unions (valid GB 32100 codes). */
    static final String HEYANG_BAOAN = "91410306MA44X1B2CC";
    static final String SHUNDA = "91410306MA45Y7D3EL";
    static final String XIAOLING = "91410306MA9H2J3K42";
    static final String JINYUAN = "91220802MA0Y3K4L5B";
    /** A small courier outlet in 康乐社区 (generated, valid). */
    static final String OUTLET = "91410306MA46A1B2CE";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.restore(dataSource);
    }

    static YearMonth monthsAgo(int n) {
        return YearMonth.now(UnionRules.CHINA).minusMonths(n);
    }

    static Map<String, Object> remittance(long unionId, String creditCode, YearMonth month, String payroll, String paid) {
        Map<String, Object> input = new HashMap<>();
        input.put("unionId", unionId);
        input.put("employerName", "缴费单位 " + creditCode.substring(10));
        input.put("employerCreditCode", creditCode);
        input.put("month", month.toString());
        input.put("payrollYuan", payroll);
        input.put("amountPaidYuan", paid);
        return input;
    }

    static Result record(String user, Map<String, Object> input) {
        return GraphQLClient.post(user == null ? null : Tokens.forDemoUser(user), RECORD, Map.of("input", input));
    }

    static Object recorded(String user, Map<String, Object> input) {
        Result result = record(user, input);
        assertFalse(result.hasErrors(), result::toString);
        return result.data("recordFundsRemittance.id");
    }

    static Result list(String user, Map<String, Object> variables) {
        return GraphQLClient.post(Tokens.forDemoUser(user), LIST, variables);
    }

    @Test
    void theAmountDueIsTwoPercentOfThePayrollRoundedToTheFenAndTheRecordIsAudited() {
        YearMonth month = monthsAgo(1);
        Result result = record("heyang-baoan", remittance(41030611, HEYANG_BAOAN, month, "12345.67", "200.00"));
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(month.toString(), result.data("recordFundsRemittance.month"));
        assertEquals("12345.67", result.data("recordFundsRemittance.payrollYuan"));
        assertEquals("246.91", result.data("recordFundsRemittance.amountDueYuan"), "246.9134 rounds to 246.91");
        assertEquals("200.00", result.data("recordFundsRemittance.amountPaidYuan"));
        assertEquals("46.91", result.data("recordFundsRemittance.shortfallYuan"));
        assertEquals("洛阳河阳保安服务有限公司工会", result.data("recordFundsRemittance.union.name"));
        assertEquals("sub-heyang-baoan", result.data("recordFundsRemittance.recordedBy"));
        Object id = result.data("recordFundsRemittance.id");
        assertEquals("41030611|" + HEYANG_BAOAN + "|" + month.atDay(1) + "|12345.67|246.91|200.00",
                DemoData.queryString(dataSource, "select union_id || '|' || employer_credit_code || '|' || month || '|' || payroll || '|' || amount_due"
                        + " || '|' || amount_paid from funds_remittance where id = " + id));
        assertEquals("sub-heyang-baoan|41030611|/1/41/4103/410306/4103061/41030611/", DemoData.queryString(dataSource,
                "select actor_subject || '|' || target_union_id || '|' || target_path from audit_event where operation = 'recordFundsRemittance'"
                        + " and target_type = 'FundsRemittance' and target_id = " + id));

        // half a fen rounds up; paying more than due leaves no negative shortfall
        Result half = record("jili", remittance(41030612, SHUNDA, month, "0.25", "5.00"));
        assertEquals("0.01", half.data("recordFundsRemittance.amountDueYuan"), half::toString);
        assertEquals("0.00", half.data("recordFundsRemittance.shortfallYuan"));
        Result whole = record("jili", remittance(41030612, SHUNDA, monthsAgo(2), "80000", "1600"));
        assertEquals("1600.00", whole.data("recordFundsRemittance.amountDueYuan"), whole::toString);
        assertEquals("0.00", whole.data("recordFundsRemittance.shortfallYuan"));
    }

    @Test
    void invalidInputsAreValidationErrorsThatNameTheFieldAndChangeNothing() {
        String before = DemoData.fingerprint(dataSource);
        List<Map.Entry<String, Map<String, Object>>> cases = List.of(
                Map.entry("employerCreditCode", with(valid(), "employerCreditCode", "91410306MA44X1B2CD")),
                Map.entry("employerCreditCode", with(valid(), "employerCreditCode", "9141030")),
                Map.entry("employerName", with(valid(), "employerName", "  ")),
                Map.entry("month", with(valid(), "month", "2026-3")),
                Map.entry("month", with(valid(), "month", "2026-13")),
                Map.entry("month", with(valid(), "month", "2026-03-01")),
                Map.entry("month", with(valid(), "month", monthsAgo(-1).toString())),
                Map.entry("payrollYuan", with(valid(), "payrollYuan", "-1000.00")),
                Map.entry("payrollYuan", with(valid(), "payrollYuan", "1000.001")),
                Map.entry("payrollYuan", with(valid(), "payrollYuan", "")),
                Map.entry("amountPaidYuan", with(valid(), "amountPaidYuan", "1e3")),
                Map.entry("unionId", with(valid(), "unionId", 410306)),
                Map.entry("unionId", with(valid(), "unionId", 4103061)));
        for (Map.Entry<String, Map<String, Object>> c : cases) {
            Result result = record("jili", c.getValue());
            assertEquals("VALIDATION", result.errorCode(), () -> c + " " + result);
            assertTrue(result.errorMessage().startsWith(c.getKey() + ":"), () -> c + " " + result);
            assertNull(result.data("recordFundsRemittance"), result::toString);
        }
        assertEquals(before, DemoData.fingerprint(dataSource), "a refused record changed the database");

        DemoData.execute(dataSource, "update trade_union set status = 'DISSOLVED', dissolved_on = current_date where id = 41030602");
        Result dissolved = record("jili", remittance(41030602, XIAOLING, monthsAgo(1), "1000.00", "20.00"));
        assertEquals("VALIDATION", dissolved.errorCode(), dissolved::toString);
        assertTrue(dissolved.errorMessage().startsWith("unionId:"), dissolved::toString);
        DemoData.execute(dataSource, "update trade_union set status = 'PREPARING', dissolved_on = null where id = 41030602");
        assertFalse(record("jili", remittance(41030602, XIAOLING, monthsAgo(1), "1000.00", "20.00")).hasErrors(), "a PREPARING union takes remittances");
        assertFalse(record("jili", remittance(41030611, HEYANG_BAOAN, monthsAgo(0), "1000.00", "0")).hasErrors(), "the current month is not in the future");
    }

    static Map<String, Object> valid() {
        return remittance(41030611, HEYANG_BAOAN, monthsAgo(1), "1000.00", "20.00");
    }

    static Map<String, Object> with(Map<String, Object> input, String field, Object value) {
        input.put(field, value);
        return input;
    }

    @Test
    void aSecondRecordForTheSameEmployerUnionAndMonthIsConflictAndChangesNothing() {
        YearMonth month = monthsAgo(1);
        recorded("heyang-baoan", remittance(41030611, HEYANG_BAOAN, month, "10000.00", "200.00"));
        String before = DemoData.fingerprint(dataSource);
        Result again = record("jili", remittance(41030611, HEYANG_BAOAN, month, "12000.00", "240.00"));
        assertEquals("CONFLICT", again.errorCode(), again::toString);
        assertTrue(again.errorMessage().startsWith("month:") && again.errorMessage().contains(month.toString()), again::toString);
        assertNull(again.data("recordFundsRemittance"));
        assertEquals(before, DemoData.fingerprint(dataSource));
        // the same employer in another month, or another employer in that month, is fine
        recorded("jili", remittance(41030611, HEYANG_BAOAN, monthsAgo(2), "10000.00", "200.00"));
        recorded("jili", remittance(41030611, OUTLET, month, "3000.00", "60.00"));
        assertEquals(3, DemoData.queryLong(dataSource, "select count(*) from funds_remittance"));
    }

    @Test
    void concurrentDuplicatesLeaveExactlyOneRecordAndTheRestGetConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Result>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(CompletableFuture.supplyAsync(() -> record("jili", remittance(41030612, SHUNDA, monthsAgo(1), "5000.00", "100.00")), pool));
            }
            int succeeded = 0;
            for (CompletableFuture<Result> attempt : attempts) {
                Result r = attempt.get();
                if (r.hasErrors()) {
                    assertEquals("CONFLICT", r.errorCode(), r::toString);
                    assertTrue(r.errorMessage().startsWith("month:"), r::toString);
                } else {
                    succeeded++;
                }
            }
            assertEquals(1, succeeded);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from funds_remittance"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'recordFundsRemittance'"));
    }

    @Test
    void unionsOutsideTheSubtreeAreNotFoundExactlyLikeMissingOnes() {
        Result outside = record("heyang", remittance(41030621, OUTLET, monthsAgo(1), "1000.00", "20.00"));
        Result missing = record("heyang", remittance(99999999, OUTLET, monthsAgo(1), "1000.00", "20.00"));
        assertEquals("NOT_FOUND", outside.errorCode(), outside::toString);
        assertEquals("NOT_FOUND", missing.errorCode(), missing::toString);
        assertEquals(outside.errorMessage().replace("41030621", "X"), missing.errorMessage().replace("99999999", "X"));
        Result list = list("heyang", Map.of("u", 41030621));
        assertEquals("NOT_FOUND", list.errorCode(), list::toString);
        assertNull(list.data("fundsRemittances"));
        Result member = record("worker", remittance(41030611, HEYANG_BAOAN, monthsAgo(1), "1000.00", "20.00"));
        assertEquals("FORBIDDEN", member.errorCode(), member::toString);
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from funds_remittance"));
    }

    @Test
    void theListCoversTheSubtreeNewestFirstFiltersByMonthAndPagesWithTotals() {
        List<Object> jili = new ArrayList<>();
        for (int ago = 5; ago >= 1; ago--) {
            jili.add(recorded("jili", remittance(41030611, HEYANG_BAOAN, monthsAgo(ago), "10000.00", "200.00")));
            jili.add(recorded("jili", remittance(41030612, SHUNDA, monthsAgo(ago), "5000.50", "50.00")));
        }
        jili.add(recorded("jili", remittance(41030621, OUTLET, monthsAgo(2), "1234.56", "0")));
        recorded("baicheng", remittance(22080211, JINYUAN, monthsAgo(2), "99999.00", "1999.98"));

        // months 3 and 2 ago in 吉利区: 2 × 2 + the outlet = 5 records, newest first, in pages of 2
        Map<String, Object> variables = new HashMap<>(Map.of("from", monthsAgo(3).toString(), "to", monthsAgo(2).toString(), "first", 2));
        List<Object> seen = new ArrayList<>();
        Result page = list("jili", variables);
        for (int pages = 1;; pages++) {
            assertFalse(page.hasErrors(), page::toString);
            assertEquals(5, page.<Integer>data("fundsRemittances.totalCount"));
            assertEquals(pages > 1, page.<Boolean>data("fundsRemittances.pageInfo.hasPreviousPage"));
            seen.addAll(page.json().getList("data.fundsRemittances.edges.node.id"));
            if (!page.<Boolean>data("fundsRemittances.pageInfo.hasNextPage")) {
                assertEquals(3, pages);
                break;
            }
            variables.put("after", page.data("fundsRemittances.pageInfo.endCursor"));
            page = list("jili", variables);
        }
        List<Object> expected = List.of(jili.get(10), jili.get(7), jili.get(6), jili.get(5), jili.get(4));
        assertEquals(expected.stream().map(String::valueOf).toList(), seen);
        // payroll (10000 + 5000.50) × 2 + 1234.56; due (200 + 100.01) × 2 + 24.69; paid (200 + 50) × 2; short 50.01 × 2 + 24.69
        Result totals = list("jili", Map.of("from", monthsAgo(3).toString(), "to", monthsAgo(2).toString(), "first", 0));
        assertEquals(Map.of("payrollYuan", "31235.56", "amountDueYuan", "624.71", "amountPaidYuan", "500.00", "shortfallYuan", "124.71"),
                totals.data("fundsRemittances.totals"), totals::toString);
        assertEquals(List.of(), totals.json().getList("data.fundsRemittances.edges"));

        // a street sees its own unions only; a city official may ask for a county; nothing from 白城 anywhere in 洛阳
        Result street = list("heyang", Map.of("from", monthsAgo(2).toString()));
        assertEquals(4, street.<Integer>data("fundsRemittances.totalCount"), street::toString);
        assertTrue(street.json().getList("data.fundsRemittances.edges.node.unionId").stream().allMatch(u -> u.equals("41030611") || u.equals("41030612")));
        Result city = list("luoyang", Map.of("u", 410306));
        assertEquals(11, city.<Integer>data("fundsRemittances.totalCount"), city::toString);
        assertFalse(city.json().getList("data.fundsRemittances.edges.node.employerCreditCode").contains(JINYUAN));
        Result national = list("quanzong", Map.of("to", monthsAgo(2).toString()));
        assertEquals(10, national.<Integer>data("fundsRemittances.totalCount"), national::toString);

        Result backwards = list("jili", Map.of("from", monthsAgo(1).toString(), "to", monthsAgo(2).toString()));
        assertEquals("VALIDATION", backwards.errorCode(), backwards::toString);
        assertTrue(backwards.errorMessage().startsWith("to:"), backwards::toString);
        Result badMonth = list("jili", Map.of("from", "2026/01"));
        assertEquals("VALIDATION", badMonth.errorCode(), badMonth::toString);
        assertTrue(badMonth.errorMessage().startsWith("from:"), badMonth::toString);
    }
}
