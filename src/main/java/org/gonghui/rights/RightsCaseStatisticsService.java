package org.gonghui.rights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.statistics.MonthRange;
import org.gonghui.support.Money;
import org.gonghui.union.TradeUnion;

/**
 * Rights-case figures of whole subtrees, aggregated from the case rows in one statement for any number
 * of unions (drill-down), exact by construction. A case counts under its receiving union
 * ({@code received_union_id}, never changed by a referral), so a case referred up the chain counts
 * once in any subtree; the unions of a subtree are the path range of {@link Subtree}. Events count in
 * the period they happened in (Asia/Shanghai months): received by {@code submitted_at}, accepted,
 * declined, resolved by their times, ratings by {@code closed_at}; open and overdue are counted at
 * the end of a day.
 */
@ApplicationScoped
public class RightsCaseStatisticsService {

    /** Open at the end of {@code :day}: submitted before {@code :dayEnd} and neither declined nor resolved before it. */
    static final String OPEN = "c.submitted_at < :dayEnd and coalesce(c.declined_at, c.resolved_at, 'infinity') >= :dayEnd";

    /** Overdue on {@code :day} (with {@link #OPEN}): the deadline of the stage the case is in lies before that day. */
    static final String OVERDUE = "case when c.accepted_at < :dayEnd then c.resolve_due < :day else c.accept_due < :day end";

    private static final String RESOLVED_IN = "c.resolved_at >= :start and c.resolved_at < :end";

    /**
     * The figures of each union in {@code :ids} per category and channel: its subtree's unions by the
     * path range, then each union's cases through the covering index of V21 (index-only when the table
     * is vacuumed). The lateral subquery, kept from being flattened by {@code offset 0}, makes that one
     * index probe per union of the subtree in every plan, custom or generic: as a plain join PostgreSQL
     * hashed the subtree's unions against a full scan of the cases, which grows with the country's cases
     * instead of the subtree's.
     */
    static final String FIGURES = """
            select x.id, c.category, c.channel,
                   count(*) filter (where c.submitted_at >= :start and c.submitted_at < :end),
                   count(*) filter (where c.accepted_at >= :start and c.accepted_at < :end),
                   count(*) filter (where c.declined_at >= :start and c.declined_at < :end),
                   count(*) filter (where %2$s),
                   count(*) filter (where %2$s and cast(c.resolved_at at time zone 'Asia/Shanghai' as date) <= c.resolve_due),
                   count(*) filter (where c.submitted_at >= :start and c.submitted_at < :end and c.resolved_at < :end),
                   count(*) filter (where %3$s),
                   count(*) filter (where %3$s and %4$s),
                   coalesce(sum(c.resolve_working_days) filter (where %2$s), 0),
                   count(c.resolve_working_days) filter (where %2$s),
                   coalesce(sum(c.wages_recovered) filter (where %2$s), 0),
                   coalesce(sum(c.rating) filter (where c.closed_at >= :start and c.closed_at < :end), 0),
                   count(c.rating) filter (where c.closed_at >= :start and c.closed_at < :end)
              from unnest(cast(:ids as bigint[])) as x (id)
              join trade_union t on t.id = x.id
              join trade_union u on %1$s
             cross join lateral (
                   select c.category, c.channel, c.submitted_at, c.accepted_at, c.declined_at, c.resolved_at, c.accept_due, c.resolve_due,
                          c.resolve_working_days, c.wages_recovered, c.closed_at, c.rating
                     from rights_case c where c.received_union_id = u.id offset 0) c
             group by 1, 2, 3""".formatted(Subtree.sqlWithinByRange("u", "t"), RESOLVED_IN, OPEN, OVERDUE);

    /** The headline counts of `statistics` for each union in {@code :ids}: received in the period, open and overdue at the end of the day (read as FIGURES). */
    static final String HEADLINES = """
            select x.id,
                   count(*) filter (where c.submitted_at >= :start and c.submitted_at < :end),
                   count(*) filter (where %2$s),
                   count(*) filter (where %2$s and %3$s)
              from unnest(cast(:ids as bigint[])) as x (id)
              join trade_union t on t.id = x.id
              join trade_union u on %1$s
             cross join lateral (
                   select c.submitted_at, c.accepted_at, c.declined_at, c.resolved_at, c.accept_due, c.resolve_due
                     from rights_case c where c.received_union_id = u.id offset 0) c
             group by 1""".formatted(Subtree.sqlWithinByRange("u", "t"), OPEN, OVERDUE);

    /** The headline counts of one subtree: received in the period, open and overdue at the end of the day. */
    public record Headline(int received, int open, int overdue) {
        public static final Headline NONE = new Headline(0, 0, 0);
    }

    @Inject
    Scope scope;

    @Inject
    EntityManager em;

    /** Figures of one union of the caller's subtree (NOT_FOUND outside it). */
    public RightsCaseStatistics of(Long unionId, MonthRange.In period) {
        TradeUnion union = scope.union(unionId, "unionId");
        return of(List.of(union), period).get(0);
    }

    /** Figures of each given union (already in the caller's subtree), in one statement. */
    public List<RightsCaseStatistics> of(List<TradeUnion> sources, MonthRange.In period) {
        LocalDate today = LocalDate.now(RightsDeadlines.CHINA);
        MonthRange range = MonthRange.orYearTo(period, "period", today);
        List<Long> ids = sources.stream().map(u -> u.id).distinct().toList();
        Map<Long, Map<RightsCaseCategory, Map<RightsCaseChannel, Sums>>> cells = new HashMap<>();
        if (!ids.isEmpty()) {
            List<?> rows = bind(em.createNativeQuery(FIGURES), ids, start(range), end(range), today).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                cells.computeIfAbsent(((Number) r[0]).longValue(), k -> new EnumMap<>(RightsCaseCategory.class))
                        .computeIfAbsent(RightsCaseCategory.valueOf((String) r[1]), k -> new EnumMap<>(RightsCaseChannel.class))
                        .merge(RightsCaseChannel.valueOf((String) r[2]), Sums.of(r), Sums::plus);
            }
        }
        return sources.stream().map(u -> figures(u.id, today, range, cells.getOrDefault(u.id, Map.of()))).toList();
    }

    /**
     * The headline counts of each union (no scope check: for `statistics`, which made its own) as at
     * the end of {@code day}: received in the months of {@code range} up to that day, open and overdue
     * then. One statement.
     */
    public Map<Long, Headline> headlines(List<Long> ids, LocalDate day, MonthRange range) {
        Map<Long, Headline> byUnion = new HashMap<>();
        if (ids.isEmpty()) {
            return byUnion;
        }
        OffsetDateTime dayEnd = dayEnd(day);
        OffsetDateTime end = end(range).isAfter(dayEnd) ? dayEnd : end(range);
        List<?> rows = bind(em.createNativeQuery(HEADLINES), ids, start(range), end, day).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byUnion.put(((Number) r[0]).longValue(), new Headline(toInt(r[1]), toInt(r[2]), toInt(r[3])));
        }
        return byUnion;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, List<Long> ids, OffsetDateTime start, OffsetDateTime end,
            LocalDate day) {
        return query.setParameter("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .setParameter("start", start)
                .setParameter("end", end)
                .setParameter("day", day)
                .setParameter("dayEnd", dayEnd(day));
    }

    static OffsetDateTime start(MonthRange range) {
        return range.from().atDay(1).atStartOfDay(RightsDeadlines.CHINA).toOffsetDateTime();
    }

    static OffsetDateTime end(MonthRange range) {
        return range.to().plusMonths(1).atDay(1).atStartOfDay(RightsDeadlines.CHINA).toOffsetDateTime();
    }

    static OffsetDateTime dayEnd(LocalDate day) {
        return day.plusDays(1).atStartOfDay(RightsDeadlines.CHINA).toOffsetDateTime();
    }

    private static RightsCaseStatistics figures(long unionId, LocalDate today, MonthRange range,
            Map<RightsCaseCategory, Map<RightsCaseChannel, Sums>> cells) {
        RightsCaseStatistics s = new RightsCaseStatistics();
        s.unionId = unionId;
        s.countedOn = today;
        s.periodFrom = range.from().toString();
        s.periodTo = range.to().toString();
        Sums total = new Sums();
        Map<RightsCaseChannel, Sums> channels = new EnumMap<>(RightsCaseChannel.class);
        s.byCategory = new ArrayList<>();
        for (RightsCaseCategory category : RightsCaseCategory.values()) {
            Sums sums = new Sums();
            cells.getOrDefault(category, Map.of()).forEach((channel, cell) -> {
                sums.add(cell);
                channels.computeIfAbsent(channel, k -> new Sums()).add(cell);
            });
            total.add(sums);
            RightsCaseStatistics.ByCategory row = new RightsCaseStatistics.ByCategory();
            row.category = category;
            s.byCategory.add(sums.fill(row));
        }
        s.byChannel = new ArrayList<>();
        for (RightsCaseChannel channel : RightsCaseChannel.values()) {
            RightsCaseStatistics.ByChannel row = new RightsCaseStatistics.ByChannel();
            row.channel = channel;
            s.byChannel.add(channels.getOrDefault(channel, new Sums()).fill(row));
        }
        total.fill(s);
        return s;
    }

    private static int toInt(Object n) {
        return Math.toIntExact(((Number) n).longValue());
    }

    /** The aggregates of one statement row (or the sum of several), in the order FIGURES selects them. */
    static final class Sums {
        long received;
        long accepted;
        long declined;
        long resolved;
        long resolvedOnTime;
        long receivedAndResolved;
        long open;
        long overdue;
        long workingDays;
        long workingDaysCounted;
        BigDecimal wages = BigDecimal.ZERO;
        long ratingSum;
        long ratings;

        static Sums of(Object[] r) {
            Sums s = new Sums();
            s.received = n(r[3]);
            s.accepted = n(r[4]);
            s.declined = n(r[5]);
            s.resolved = n(r[6]);
            s.resolvedOnTime = n(r[7]);
            s.receivedAndResolved = n(r[8]);
            s.open = n(r[9]);
            s.overdue = n(r[10]);
            s.workingDays = n(r[11]);
            s.workingDaysCounted = n(r[12]);
            s.wages = r[13] instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(r[13]));
            s.ratingSum = n(r[14]);
            s.ratings = n(r[15]);
            return s;
        }

        private static long n(Object value) {
            return ((Number) value).longValue();
        }

        static Sums plus(Sums a, Sums b) {
            Sums s = new Sums();
            s.add(a);
            s.add(b);
            return s;
        }

        void add(Sums o) {
            received += o.received;
            accepted += o.accepted;
            declined += o.declined;
            resolved += o.resolved;
            resolvedOnTime += o.resolvedOnTime;
            receivedAndResolved += o.receivedAndResolved;
            open += o.open;
            overdue += o.overdue;
            workingDays += o.workingDays;
            workingDaysCounted += o.workingDaysCounted;
            wages = wages.add(o.wages);
            ratingSum += o.ratingSum;
            ratings += o.ratings;
        }

        <F extends RightsCaseStatisticsFigures> F fill(F f) {
            f.received = Math.toIntExact(received);
            f.accepted = Math.toIntExact(accepted);
            f.declined = Math.toIntExact(declined);
            f.resolved = Math.toIntExact(resolved);
            f.resolvedOnTime = Math.toIntExact(resolvedOnTime);
            f.receivedAndResolved = Math.toIntExact(receivedAndResolved);
            f.openNow = Math.toIntExact(open);
            f.overdueNow = Math.toIntExact(overdue);
            f.closureRate = ratio(receivedAndResolved, received);
            f.onTimeRate = ratio(resolvedOnTime, resolved);
            f.meanWorkingDaysToResolve = ratio(workingDays, workingDaysCounted);
            f.wagesRecoveredYuan = Money.format(wages);
            f.ratings = Math.toIntExact(ratings);
            f.meanSatisfaction = ratio(ratingSum, ratings);
            return f;
        }

        private static Double ratio(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }
    }
}
