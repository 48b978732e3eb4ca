package org.gonghui.funds;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.security.TestSubtrees;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.union.UnionRules;
import org.junit.jupiter.api.Test;


/**
 * The shell-union statements are answered by per-union index probes, with no planner overrides, on
 * 4,000 generated grassroots unions with 40,000 members, 24,000 remittances, 800 benefits and their
 * ledger rows (ANALYZEd, inside a transaction that is rolled back): no table behind a sign is read
 * whole (no sequential scan, no hashed subplan), and a page judges only the unions it needs, both
 * with the parameters' values (custom plan) and without them (the generic plan a prepared statement
 * may switch to).
 */
@QuarkusTestWithOidc
class ShellUnionPlanTests {

    /** 2,000 grassroots unions under 20 new streets of 吉利区 and 2,000 under 20 of 洮北区; ten members each. */
    static final String GENERATE = """
            insert into trade_union (id, parent_id, path, level, kind, name, status, created_at, updated_at)
            select 90000000 + t, p.id, p.path || (90000000 + t) || '/', 'TOWNSHIP', 'STREET_UNION', '街道 ' || t, 'ACTIVE',
                   timestamptz '2020-01-15 09:00+08', timestamptz '2024-05-06 07:00+08'
              from generate_series(1, 40) t join trade_union p on p.id = case when t <= 20 then 410306 else 220802 end;
            insert into trade_union (id, parent_id, path, level, kind, formation_mode, name, status, created_at, updated_at)
            select 91000000 + g, s.id, s.path || (91000000 + g) || '/', 'GRASSROOTS', 'ENTERPRISE', 'STANDALONE', '企业工会 ' || g,
                   case when g % 50 = 0 then 'DISSOLVED' else 'ACTIVE' end, timestamptz '2020-01-15 09:00+08',
                   case when g % 7 = 0 then now() else timestamptz '2024-05-06 07:00+08' end
              from generate_series(1, 4000) g join trade_union s on s.id = 90000000 + 1 + (g - 1) / 100;
            insert into person (id_hash, id_cipher, id_key, id_masked, name, birth_date, sex, phone_hash, phone_cipher, phone_key, phone_masked)
            select decode(md5('shell' || i), 'hex'), decode(md5('c' || i), 'hex'), 'test-1', '110***********000X', '壳' || i,
                   date '1990-01-01', 'MALE', decode(md5('p' || i), 'hex'), decode(md5('q' || i), 'hex'), 'test-1', '138****0000'
              from generate_series(0, 39999) i;
            -- every tenth union's members have all withdrawn
            insert into membership (person_id, person_hash, name, union_id, status, card_number, joined_on)
            select p.id, p.id_hash, p.name, 91000001 + substr(p.name, 2)::int % 4000,
                   case when (1 + substr(p.name, 2)::int % 4000) % 10 = 0 then 'WITHDRAWN' else 'ACTIVE' end, 'SH' || p.id, date '2020-01-01'
              from person p where p.name like '壳%';
            -- six months of remittances per union, recorded long ago; every fourth union paid nothing
            insert into funds_remittance (union_id, employer_name, employer_credit_code, month, payroll, amount_paid, recorded_by, recorded_at)
            select u.id, u.name, '91410306MA46A1B2CE', (date_trunc('month', now()) - make_interval(months => m))::date, 50000,
                   case when u.id % 4 = 0 then 0 else 1000 end, 'test', timestamptz '2024-05-06 07:00+08'
              from trade_union u cross join generate_series(1, 6) m where u.id > 91000000;
            -- a program per street, a benefit for one member of every fifth union
            insert into service_program (id, union_id, kind, name, period_start, period_end, budget, status)
            select 90000000 + t, 90000000 + t, 'SUMMER_COOLING', '夏送清凉 ' || t, date '2024-01-01', date '2024-12-31', 1000000, 'OPEN'
              from generate_series(1, 40) t;
            insert into program_beneficiary (program_id, union_id, membership_id, person_hash, amount, granted_on, created_by, created_at)
            select u.parent_id, u.parent_id, m.id, m.person_hash, 100, date '2024-05-06', 'test', timestamptz '2024-05-06 07:00+08'
              from trade_union u join lateral (select * from membership m where m.union_id = u.id order by m.id limit 1) m on true
             where u.id > 91000000 and u.id % 5 = 0;
            -- the ledger rows of all this happened long ago, except for every third union
            update stat_change set occurred_at = timestamptz '2024-05-06 07:00+08' where union_id >= 90000000 and union_id % 3 <> 0;
            analyze trade_union, membership, funds_remittance, stat_change, program_beneficiary, service_program, person""";

    static final Pattern PARAMETER = Pattern.compile(":(\\w+)");
    static final Pattern LOOPS = Pattern.compile("loops=(\\d+)");

    @Inject
    DataSource dataSource;

    /** EXPLAIN ANALYZE of each statement on the generated data, with literal values and as a generic prepared plan. */
    private List<String> plans(List<String> statements, Map<String, Object> params) throws SQLException {
        List<String> plans = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(GENERATE);
            int n = 0;
            for (String sql : statements) {
                String body = sql.replace("{u.*}", "u.*");
                plans.add(explain(s, "explain (analyze, costs off, timing off) " + literal(body, params)));
                List<String> used = new ArrayList<>();
                Matcher m = PARAMETER.matcher(body);
                StringBuilder positional = new StringBuilder();
                while (m.find()) {
                    if (!used.contains(m.group(1))) {
                        used.add(m.group(1));
                    }
                    m.appendReplacement(positional, "\\$" + (used.indexOf(m.group(1)) + 1));
                }
                m.appendTail(positional);
                String name = "shell_" + n++;
                s.execute("set local plan_cache_mode = force_generic_plan");
                s.execute("prepare " + name + " (" + String.join(", ", used.stream().map(p -> type(params.get(p))).toList()) + ") as " + positional);
                plans.add(explain(s, "explain (analyze, costs off, timing off) execute " + name + " ("
                        + String.join(", ", used.stream().map(p -> value(params.get(p))).toList()) + ")"));
                s.execute("deallocate " + name);
                s.execute("reset plan_cache_mode");
            }
            c.rollback();
        }
        return plans;
    }

    private static String explain(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String literal(String sql, Map<String, Object> params) {
        return PARAMETER.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(value(params.get(m.group(1)))));
    }

    private static String value(Object v) {
        return v instanceof String || v instanceof LocalDate || v instanceof OffsetDateTime ? type(v) + " '" + v + "'" : String.valueOf(v);
    }

    private static String type(Object v) {
        return v instanceof String ? "text" : v instanceof LocalDate ? "date" : v instanceof OffsetDateTime ? "timestamptz" : "bigint";
    }

    private static void assertProbesOnly(String plan) {
        for (String index : List.of("stat_change_union_time_idx", "funds_remittance_month_idx", "program_beneficiary_membership_idx")) {
            assertTrue(plan.contains(index), () -> index + " not used:\n" + plan);
        }
        assertTrue(plan.contains("using membership_union_idx") || plan.contains("using membership_union_name_idx")
                || plan.contains("on membership_union_idx") || plan.contains("on membership_union_name_idx"), plan);
        for (String table : List.of("membership", "stat_change", "funds_remittance", "program_beneficiary")) {
            assertFalse(plan.contains("Seq Scan on " + table + " "), () -> table + " read whole:\n" + plan);
        }
        assertFalse(plan.contains("hashed SubPlan"), plan);
    }

    /** The most times any probe of the ledger ran: the number of unions judged. */
    private static int ledgerProbes(String plan) {
        int most = 0;
        for (String line : plan.split("\n")) {
            Matcher m = LOOPS.matcher(line);
            if (line.contains("stat_change_union_time_idx") && m.find()) {
                most = Math.max(most, Integer.parseInt(m.group(1)));
            }
        }
        return most;
    }

    @Test
    void aPageProbesIndexesForOnlyTheUnionsItNeeds() throws SQLException {
        ShellUnionQuery jili = ShellUnionQuery.of(TestSubtrees.at("/1/41/4103/410306/"), 3, 6, ZonedDateTime.now(UnionRules.CHINA));
        Map<String, Object> params = new LinkedHashMap<>(jili.parameters());
        params.put("limit", 21);
        params.put("after", 91001000L);
        List<String> plans = plans(List.of(jili.firstPage(), jili.nextPage()), params);
        for (String plan : plans) {
            assertProbesOnly(plan);
            // 2,000 ACTIVE grassroots unions in 吉利区; a page of 20 (+1) judges a few dozen of them
            int judged = ledgerProbes(plan);
            assertTrue(judged > 0 && judged < 200, () -> judged + " unions judged for one page:\n" + plan);
        }
    }

    @Test
    void theWholeCountProbesEachUnionOfTheSubtreeThroughIndexes() throws SQLException {
        ShellUnionQuery everything = ShellUnionQuery.of(TestSubtrees.at("/1/"), 3, 6, ZonedDateTime.now(UnionRules.CHINA));
        for (String plan : plans(List.of(everything.countStatement()), everything.parameters())) {
            assertProbesOnly(plan);
        }
    }
}
