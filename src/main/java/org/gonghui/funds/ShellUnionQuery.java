package org.gonghui.funds;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gonghui.security.Subtree;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionRules;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The shell-union check of one subtree as SQL: each ACTIVE grassroots union of the subtree is judged
 * by probes on indexes keyed by union (membership, funds_remittance_month_idx,
 * stat_change_union_time_idx, program_beneficiary_membership_idx), so a page is one statement whose
 * cost grows with the unions it looks at, never with the size of those tables.
 *
 * @param fundsFrom first day of the first complete month checked for funds
 * @param fundsTo first day of the current month (exclusive end of the funds window)
 * @param fundsSince the start of the funds window as an instant: unions created later are not judged on funds
 * @param inactiveSince the start of the activity window: unions created later are not judged on activity
 */
record ShellUnionQuery(Subtree subtree, int fundsMonths, LocalDate fundsFrom, LocalDate fundsTo, OffsetDateTime fundsSince,
        int inactiveMonths, OffsetDateTime inactiveSince) {

    /** The unions judged: ACTIVE grassroots unions of the subtree (%s: its predicate). */
    private static final String CANDIDATES = "select id, " + Subtree.column(null) + ", created_at, updated_at from trade_union\n"
            + " where %s and level = 'GRASSROOTS' and status = 'ACTIVE'";

    /**
     * The candidates (%s) with their three signs. Each fact is a LATERAL probe with LIMIT 1 on an index
     * keyed by union: unlike NOT EXISTS, which PostgreSQL may turn into a hashed subplan that reads the
     * whole membership, ledger and remittance tables once per query, a lateral probe stays a per-union
     * index lookup. The funds and activity probes are skipped (one-time filter) for unions created
     * inside their window. Member changes and the benefits of the union's own programs are both in the
     * statistics ledger (stat_change, written by row triggers; a benefit's row carries the organising
     * union), so one probe of (union_id, occurred_at) answers both; benefits to the union's members are
     * found through its memberships.
     */
    private static final String JUDGED = "select t.id, " + Subtree.column("t") + ",\n" + """
                   active.found is null as no_active_members,
                   (t.created_at <= :fundsSince and paid.found is null) as no_funds_remitted,
                   (t.created_at <= :inactiveSince and t.updated_at < :inactiveSince and activity.found is null) as no_activity
              from (%s) t
              left join lateral (
                   select true as found from membership m where m.union_id = t.id and m.status = 'ACTIVE' limit 1) active on true
              left join lateral (
                   select true as found from funds_remittance r
                    where t.created_at <= :fundsSince
                      and r.union_id = t.id and r.month >= :fundsFrom and r.month < :fundsTo and r.amount_paid > 0
                    limit 1) paid on true
              left join lateral (
                   select true as found from stat_change c
                    where t.created_at <= :inactiveSince and t.updated_at < :inactiveSince
                      and c.union_id = t.id and c.occurred_at >= :inactiveSince and c.subject in ('MEMBER', 'BENEFIT')
                   union all
                   select true from funds_remittance r
                    where t.created_at <= :inactiveSince and t.updated_at < :inactiveSince
                      and r.union_id = t.id and r.recorded_at >= :inactiveSince
                   union all
                   select true from membership m
                    cross join lateral (select 1 from program_beneficiary b
                                         where b.membership_id = m.id and b.created_at >= :inactiveSince limit 1) b
                    where t.created_at <= :inactiveSince and t.updated_at < :inactiveSince
                      and m.union_id = t.id
                   limit 1) activity on true""";

    private static final String IS_SHELL = "j.no_active_members or j.no_funds_remitted or j.no_activity";

    /**
     * One page in tree order (like {@code unions}). The candidates are put in path order first, behind
     * an OFFSET 0 fence, and judged in that order only until the page is full: without the fence a
     * generic prepared plan, which cannot know how large the subtree is, may judge every union of the
     * subtree and sort afterwards. The facts shown are computed for the page's rows only.
     */
    private static final String PAGE = """
            select {u.*}, s.no_active_members, s.no_funds_remitted, s.no_activity,
                   (select max(r.month) from funds_remittance r where r.union_id = u.id and r.amount_paid > 0) as last_remittance_month,
                   greatest((select max(c.occurred_at) from stat_change c where c.union_id = u.id and c.subject in ('MEMBER', 'BENEFIT')),
                            (select max(b.at) from membership m
                              cross join lateral (select max(b.created_at) as at from program_beneficiary b where b.membership_id = m.id) b
                              where m.union_id = u.id),
                            (select max(r.recorded_at) from funds_remittance r where r.union_id = u.id)) as last_activity_at,
                   (select count(*) from membership m where m.union_id = u.id and m.status = 'ACTIVE') as active_members
              from (select j.* from (%s) j
                     where %s
                     order by %s
                     limit :limit) s
              join trade_union u on u.id = s.id
             order by %s""";

    /** The first page's statement. */
    String firstPage() {
        return page(candidates() + "\n order by " + Subtree.column(null) + " offset 0");
    }

    /** The statement of a page after the union {@code :after}. */
    String nextPage() {
        return page(candidates() + "\n   and " + Subtree.afterInTreeOrder(null, "trade_union", "after")
                + "\n order by " + Subtree.column(null) + " offset 0");
    }

    /** The number of shells in the subtree, all pages together. */
    String countStatement() {
        return "select count(*) from (%s) j where %s".formatted(JUDGED.formatted(candidates()), IS_SHELL);
    }

    private String candidates() {
        return CANDIDATES.formatted(subtree.covers(null));
    }

    private static String page(String candidates) {
        return PAGE.formatted(JUDGED.formatted(candidates), IS_SHELL, Subtree.column("j"), Subtree.column("s"));
    }

    /** The windows ending now (Asia/Shanghai): the last {@code fundsMonths} complete months, the last {@code inactiveMonths} months. */
    static ShellUnionQuery of(Subtree subtree, int fundsMonths, int inactiveMonths, ZonedDateTime now) {
        ZonedDateTime china = now.withZoneSameInstant(UnionRules.CHINA);
        LocalDate currentMonth = china.toLocalDate().withDayOfMonth(1);
        LocalDate fundsFrom = currentMonth.minusMonths(fundsMonths);
        return new ShellUnionQuery(subtree, fundsMonths, fundsFrom, currentMonth, fundsFrom.atStartOfDay(UnionRules.CHINA).toOffsetDateTime(),
                inactiveMonths, china.minusMonths(inactiveMonths).toOffsetDateTime());
    }

    /** The named parameters every statement takes (a page adds :limit, and :after after the first). */
    Map<String, Object> parameters() {
        Map<String, Object> params = subtree.bind(new LinkedHashMap<>());
        params.put("fundsFrom", fundsFrom);
        params.put("fundsTo", fundsTo);
        params.put("fundsSince", fundsSince);
        params.put("inactiveSince", inactiveSince);
        return params;
    }

    ShellUnionCriteria criteria() {
        return new ShellUnionCriteria(fundsMonths, YearMonth.from(fundsFrom).toString(), YearMonth.from(fundsTo).minusMonths(1).toString(),
                inactiveMonths, inactiveSince);
    }

    /** Up to {@code limit} shells after the union {@code afterId} in tree order; one statement. */
    List<ShellUnion> page(Long afterId, int limit) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = TradeUnion.getEntityManager().unwrap(Session.class).createNativeQuery(afterId == null ? firstPage() : nextPage())
                .addEntity("u", TradeUnion.class)
                .addScalar("no_active_members", Boolean.class)
                .addScalar("no_funds_remitted", Boolean.class)
                .addScalar("no_activity", Boolean.class)
                .addScalar("last_remittance_month", LocalDate.class)
                .addScalar("last_activity_at", OffsetDateTime.class)
                .addScalar("active_members", Long.class);
        parameters().forEach(query::setParameter);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        query.setParameter("limit", limit);
        List<ShellUnion> shells = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            List<ShellReason> reasons = new ArrayList<>();
            if ((Boolean) row[1]) {
                reasons.add(ShellReason.NO_ACTIVE_MEMBERS);
            }
            if ((Boolean) row[2]) {
                reasons.add(ShellReason.NO_FUNDS_REMITTED);
            }
            if ((Boolean) row[3]) {
                reasons.add(ShellReason.NO_ACTIVITY);
            }
            LocalDate lastMonth = (LocalDate) row[4];
            shells.add(new ShellUnion((TradeUnion) row[0], reasons, lastMonth == null ? null : YearMonth.from(lastMonth).toString(),
                    (OffsetDateTime) row[5], ((Long) row[6]).intValue()));
        }
        return shells;
    }

    long count() {
        var query = TradeUnion.getEntityManager().createNativeQuery(countStatement());
        parameters().forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }
}
