package org.gonghui.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * The figures of `statistics` recounted from the raw rows (unions, memberships, their history,
 * sites, beneficiaries) with the subtree as it stands, in one transaction: the tests' own SQL,
 * independent of the ledger and the rollup. Both sides are rendered the same way, as text per field,
 * breakdowns sorted by key.
 */
final class StatisticsRecount {

    static final String FIELDS = "unionId periodFrom periodTo unions grassrootsUnions unionsByLevel { level count } unionsByKind { kind count } "
            + "unionsByStatus { status count } newEmploymentFormUnions newEmploymentFormUnionShare members membersByStatus { status count } "
            + "newEmploymentFormMembers newEmploymentFormMemberShare membersByKeyGroup { keyGroup count } migrantWorkers migrantWorkerShare "
            + "newMembers newEmploymentFormNewMembers withdrawals programBeneficiaries programSpending sites sitesByKind { kind count }";

    private static final String COUNTING = "('PROVISIONAL', 'ACTIVE', 'TRANSFERRING', 'RETAINED')";

    private StatisticsRecount() {
    }

    /** The recount for each union, rendered; periods are inclusive "YYYY-MM" months. */
    static Map<Long, Map<String, String>> recount(DataSource dataSource, List<Long> unionIds, String from, String to) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<Long, Map<String, String>> all = new LinkedHashMap<>();
            for (long id : unionIds) {
                all.put(id, recount(c, id, from, to));
            }
            c.commit();
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> recount(Connection c, long unionId, String from, String to) throws SQLException {
        String path = single(c, "select path from trade_union where id = ?", unionId);
        Map<String, String> f = new TreeMap<>();
        f.put("unionId", String.valueOf(unionId));
        f.put("periodFrom", from);
        f.put("periodTo", to);
        String sub = "starts_with(u.path, '" + path + "')";
        String open = "u.status in ('PREPARING', 'ACTIVE')";
        long unions = count(c, "select count(*) from trade_union u where " + sub + " and " + open);
        f.put("unions", String.valueOf(unions));
        f.put("grassrootsUnions", String.valueOf(count(c, "select count(*) from trade_union u where " + sub + " and " + open + " and level = 'GRASSROOTS'")));
        f.put("unionsByLevel", breakdown(c, "select level, count(*) from trade_union u where " + sub + " and " + open + " group by 1"));
        f.put("unionsByKind", breakdown(c, "select kind, count(*) from trade_union u where " + sub + " and " + open + " group by 1"));
        f.put("unionsByStatus", breakdown(c, "select status, count(*) from trade_union u where " + sub + " group by 1"));
        long newFormUnions = count(c, "select count(*) from trade_union u where " + sub + " and " + open + " and new_employment_form");
        f.put("newEmploymentFormUnions", String.valueOf(newFormUnions));
        f.put("newEmploymentFormUnionShare", share(newFormUnions, unions));

        String members = " from membership m join trade_union u on u.id = m.union_id where " + sub;
        long memberCount = count(c, "select count(*)" + members + " and m.status in " + COUNTING);
        f.put("members", String.valueOf(memberCount));
        f.put("membersByStatus", breakdown(c, "select m.status, count(*)" + members + " group by 1"));
        long newForm = count(c, "select count(*)" + members + " and m.status in " + COUNTING + " and m.new_employment_form");
        f.put("newEmploymentFormMembers", String.valueOf(newForm));
        f.put("newEmploymentFormMemberShare", share(newForm, memberCount));
        f.put("membersByKeyGroup", breakdown(c, "select g, count(*) from membership m join trade_union u on u.id = m.union_id "
                + "cross join unnest(m.key_groups) g where " + sub + " and m.status in " + COUNTING + " group by 1"));
        long migrants = count(c, "select count(*)" + members + " and m.status in " + COUNTING + " and m.migrant_worker");
        f.put("migrantWorkers", String.valueOf(migrants));
        f.put("migrantWorkerShare", share(migrants, memberCount));

        // Joins: history records entering a counting status from outside one, counted in the month of the join date.
        String period = " between '" + from + "' and '" + to + "'";
        String joins = " from membership_event e join membership m on m.id = e.membership_id join trade_union u on u.id = e.union_id where " + sub
                + " and e.to_status in " + COUNTING + " and (e.from_status is null or e.from_status not in " + COUNTING + ")"
                + " and to_char(coalesce(m.joined_on, (e.occurred_at at time zone 'Asia/Shanghai')::date), 'YYYY-MM')" + period;
        f.put("newMembers", String.valueOf(count(c, "select count(*)" + joins)));
        f.put("newEmploymentFormNewMembers", String.valueOf(count(c, "select count(*)" + joins + " and m.new_employment_form")));
        f.put("withdrawals", String.valueOf(count(c, "select count(*) from membership_event e join trade_union u on u.id = e.union_id where " + sub
                + " and e.from_status in " + COUNTING + " and e.to_status = 'WITHDRAWN' and to_char(e.occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM')" + period)));

        String benefits = " from program_beneficiary b join trade_union u on u.id = b.union_id where " + sub + " and to_char(b.granted_on, 'YYYY-MM')" + period;
        f.put("programBeneficiaries", String.valueOf(count(c, "select count(*)" + benefits)));
        f.put("programSpending", single(c, "select to_char(coalesce(sum(b.amount), 0), 'FM999999999990.00')" + benefits, null));

        f.put("sites", String.valueOf(count(c, "select count(*) from service_site s join trade_union u on u.id = s.union_id where " + sub + " and s.status = 'OPEN'")));
        f.put("sitesByKind", breakdown(c, "select s.kind, count(*) from service_site s join trade_union u on u.id = s.union_id where " + sub
                + " and s.status = 'OPEN' group by 1"));
        return f;
    }

    /** The API's answer rendered like the recount. */
    @SuppressWarnings("unchecked")
    static Map<String, String> render(Map<String, Object> statistics) {
        Map<String, String> f = new TreeMap<>();
        statistics.forEach((field, value) -> {
            if (field.equals("asOf")) {
                return;
            }
            if (value instanceof List<?> rows) {
                Map<String, String> sorted = new TreeMap<>();
                for (Object row : rows) {
                    List<Object> cells = new ArrayList<>(((Map<String, Object>) row).values());
                    sorted.put(String.valueOf(cells.get(0)), String.valueOf(cells.get(1)));
                }
                f.put(field, sorted.toString());
            } else if (field.endsWith("Share")) {
                f.put(field, value == null ? "null" : String.format("%.6f", ((Number) value).doubleValue()));
            } else {
                f.put(field, String.valueOf(value));
            }
        });
        return f;
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "null" : String.format("%.6f", (double) part / whole);
    }

    private static String breakdown(Connection c, String sql) throws SQLException {
        Map<String, String> sorted = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sorted.put(rs.getString(1), String.valueOf(rs.getLong(2)));
            }
        }
        return sorted.toString();
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(single(c, sql, null));
    }

    private static String single(Connection c, String sql, Long parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setLong(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
