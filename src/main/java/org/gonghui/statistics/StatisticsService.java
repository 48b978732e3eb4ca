package org.gonghui.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ValidationException;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionRules;

/**
 * Subtree figures for officials' dashboards. Current figures are the per-union rollup plus the
 * ledger rows not yet folded into it, read in one statement; past figures ("as of") sum the ledger
 * up to the end of that day over the subtree as it stood then. One statement per call, whatever the
 * number of unions asked for. See V10__statistics.sql for how the ledger is kept.
 */
@ApplicationScoped
public class StatisticsService {

    /** Figures of each union in {@code :ids}: its rollup row set plus the pending ledger rows of its subtree. */
    static final String CURRENT = """
            with target as (
                select id, %s from trade_union where id = any(cast(:ids as bigint[]))),
            pending as (
                select t.id as target_id, c.subject, c.status, c.level, c.kind, c.key_groups, c.new_form, c.migrant, c.event,
                       c.event_month, sum(c.n)::bigint as n, sum(c.amount_fen * c.n)::bigint as amount
                  from stat_pending p
                  join stat_change c on c.union_id = p.union_id and c.id = p.change_id
                  join trade_union u on u.id = p.union_id
                  join target t on %s
                 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            figures as (
                select s.union_id as target_id, s.metric, s.value from union_stat s where s.union_id = any(cast(:ids as bigint[]))
                union all
                select x.target_id, m.metric, m.value
                  from pending x cross join lateral gonghui_stat_metrics(x.subject, x.status, x.level, x.kind, x.key_groups,
                                                                         x.new_form, x.migrant, x.event, x.event_month, x.n, x.amount) m)
            select target_id, metric, sum(value)::bigint from figures group by 1, 2""".formatted(Subtree.column(null), Subtree.sqlWithinByPrefix("u", "t"));

    /**
     * Figures of each union in {@code :ids} as at {@code :end}: the subtree as it stood then, and the
     * ledger rows written before then. Only unions moved since (and what lies below them now) can have
     * had another place: their parent then is the one their first later move left. Each union's ledger
     * rows are read and summed by an index-only range scan per union (the lateral aggregate keeps the
     * planner from scanning the whole ledger, also in a generic plan).
     */
    static final String AS_OF = """
            with recursive first_move as materialized (
                select distinct on (union_id) union_id, from_parent_id
                  from union_move where moved_at >= :end order by union_id, moved_at, id),
            root as (
                select id from unnest(cast(:ids as bigint[])) as t (id)
                union
                select union_id from first_move),
            candidate as materialized (
                select distinct u.id, coalesce(f.from_parent_id, u.parent_id) as parent_id
                  from root join trade_union r on r.id = root.id
                 cross join lateral (select u.id, u.parent_id from trade_union u
                                      where %s offset 0) u
                  left join first_move f on f.union_id = u.id),
            subtree (target_id, id) as (
                select id, id from unnest(cast(:ids as bigint[])) as t (id)
                union all
                select s.target_id, c.id from subtree s join candidate c on c.parent_id = s.id),
            cells as (
                select s.target_id, c.subject, c.status, c.level, c.kind, c.key_groups, c.new_form, c.migrant, c.event,
                       c.event_month, sum(c.n)::bigint as n, sum(c.amount)::bigint as amount
                  from subtree s
                 cross join lateral (
                       select c.subject, c.status, c.level, c.kind, c.key_groups, c.new_form, c.migrant, c.event, c.event_month,
                              sum(c.n) as n, sum(c.amount_fen * c.n) as amount
                         from stat_change c where c.union_id = s.id and c.occurred_at < :end
                        group by 1, 2, 3, 4, 5, 6, 7, 8, 9) c
                 group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
            select x.target_id, m.metric, sum(m.value)::bigint
              from cells x cross join lateral gonghui_stat_metrics(x.subject, x.status, x.level, x.kind, x.key_groups,
                                                                   x.new_form, x.migrant, x.event, x.event_month, x.n, x.amount) m
             group by 1, 2""".formatted(Subtree.sqlWithinByRange("u", "r"));

    @Inject
    Scope scope;

    @Inject
    EntityManager em;

    /** Figures of one union of the caller's subtree. */
    public UnionStatistics of(Long unionId, LocalDate asOf, MonthRange.In period) {
        TradeUnion union = scope.union(unionId, "unionId");
        return of(List.of(union), asOf, period, "").get(0);
    }

    /** Figures of each given union (already in the caller's subtree), in one statement. */
    public List<UnionStatistics> of(List<TradeUnion> sources, LocalDate asOf, MonthRange.In period, String fieldPrefix) {
        LocalDate today = LocalDate.now(UnionRules.CHINA);
        if (asOf != null && asOf.isAfter(today)) {
            throw new ValidationException(fieldPrefix + "asOf: 不能是将来的日期 — " + asOf + " is after today (" + today + ", Asia/Shanghai)");
        }
        boolean current = asOf == null || asOf.equals(today);
        LocalDate day = current ? today : asOf;
        MonthRange range = MonthRange.orYearTo(period, fieldPrefix + "period", day);
        List<Long> ids = sources.stream().map(u -> u.id).distinct().toList();
        Map<Long, Figures> figures = current ? current(ids) : asOf(ids, day);
        return sources.stream().map(u -> UnionStatistics.of(u.id, day, range, figures.getOrDefault(u.id, new Figures()))).toList();
    }

    /** New members and withdrawals per month of a union's subtree as it stands now. */
    public List<MonthlyMembers> trend(Long unionId, String from, String to) {
        TradeUnion union = scope.union(unionId, "unionId");
        MonthRange range = MonthRange.of("from", from, "to", to);
        Figures f = current(List.of(union.id)).getOrDefault(union.id, new Figures());
        List<MonthlyMembers> months = new ArrayList<>();
        for (YearMonth m = range.from(); !m.isAfter(range.to()); m = m.plusMonths(1)) {
            months.add(new MonthlyMembers(m.toString(), f.get("member.joined." + m), f.get("member.joined_new_form." + m),
                    f.get("member.withdrawn." + m)));
        }
        return months;
    }

    /**
     * Figures of the given unions' subtrees as at the end of {@code day}, current figures when it is today
     * or later. No scope check: for services that made theirs. One statement.
     */
    public Map<Long, Figures> figures(List<Long> ids, LocalDate day) {
        return ids.isEmpty() ? Map.of() : day.isBefore(LocalDate.now(UnionRules.CHINA)) ? asOf(ids, day) : current(ids);
    }

    /** Current figures of the given unions' subtrees (no scope check: for callers that made theirs). */
    Map<Long, Figures> current(List<Long> ids) {
        return collect(em.createNativeQuery(CURRENT).setParameter("ids", SqlArrays.of(ids)).getResultList());
    }

    /** Figures as at the end of {@code day} (Asia/Shanghai). */
    Map<Long, Figures> asOf(List<Long> ids, LocalDate day) {
        OffsetDateTime end = day.plusDays(1).atStartOfDay(UnionRules.CHINA).toOffsetDateTime();
        return collect(em.createNativeQuery(AS_OF).setParameter("ids", SqlArrays.of(ids)).setParameter("end", end).getResultList());
    }

    private static Map<Long, Figures> collect(List<?> rows) {
        Map<Long, Figures> byUnion = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byUnion.computeIfAbsent(((Number) r[0]).longValue(), k -> new Figures()).add((String) r[1], ((Number) r[2]).longValue());
        }
        return byUnion;
    }
}
