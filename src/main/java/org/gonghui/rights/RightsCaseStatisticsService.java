package org.gonghui.rights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
 * Rights-case figures of whole subtrees, read in one statement for any number of unions (drill-down)
 * from the monthly rollup of V23 (kept by {@link RightsCaseFigureLedger} and the fold job) and the
 * open cases, exact at any moment. A case counts under its receiving union
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

    /**
     * The figures of each union in {@code :ids} as metric rows: the rollup of V23 for the months of the
     * period (one range of its primary key, the union's whole subtree summed already), plus the pending
     * rows of the subtree not yet folded (the same snapshot, so the sum equals a recount at any moment),
     * plus the subtree's open cases counted live ({@code open.} and {@code overdue.} rows, through the
     * partial index {@code rights_case_open_received_idx}, one probe per union of the subtree, kept from
     * being flattened by {@code offset 0}). Metric names: see {@code gonghui_rights_case_cells}.
     */
    static final String FIGURES = """
            with target as (
                select t.id, %3$s from trade_union t where t.id = any(cast(:ids as bigint[]))),
            cells as (
                select s.union_id as target_id, s.metric, s.value
                  from rights_case_stat s
                 where s.union_id = any(cast(:ids as bigint[])) and s.metric >= :fromMonth and s.metric < :afterMonth
                union all
                select t.id, p.metric, p.value
                  from rights_case_stat_pending p
                  join trade_union u on u.id = p.union_id
                  join target t on %2$s
                 where p.metric >= :fromMonth and p.metric < :afterMonth
                union all
                select t.id, k.kind || d.dim, 1
                  from target t
                  join trade_union u on %1$s
                 cross join lateral (
                       select c.category, c.channel, c.accepted_at, c.accept_due, c.resolve_due
                         from rights_case c
                        where c.received_union_id = u.id and c.status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS') offset 0) c
                 cross join lateral (
                       select 'open.'
                       union all
                       select 'overdue.' where case when c.accepted_at is not null then c.resolve_due < :day else c.accept_due < :day end) k (kind)
                 cross join lateral (values ('C.' || c.category), ('H.' || c.channel)) d (dim))
            select target_id, metric, sum(value) from cells group by 1, 2""".formatted(Subtree.sqlWithinByRange("u", "t"),
            Subtree.sqlWithinByPrefix("u", "t"), Subtree.column("t"));

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
        Map<Long, Cells> byUnion = new HashMap<>();
        if (!ids.isEmpty()) {
            List<?> rows = em.createNativeQuery(FIGURES)
                    .setParameter("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                    .setParameter("fromMonth", range.from().toString())
                    // every metric of the last month: "YYYY-MM." sorts before "YYYY-MM/"
                    .setParameter("afterMonth", range.to() + "/")
                    .setParameter("day", today)
                    .getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                byUnion.computeIfAbsent(((Number) r[0]).longValue(), k -> new Cells()).add((String) r[1], ((Number) r[2]).longValue(), range);
            }
        }
        return sources.stream().map(u -> figures(u.id, today, range, byUnion.getOrDefault(u.id, new Cells()))).toList();
    }

    /** The sums of one union's metric rows, per category and per channel. */
    static final class Cells {
        final Map<RightsCaseCategory, Sums> categories = new EnumMap<>(RightsCaseCategory.class);
        final Map<RightsCaseChannel, Sums> channels = new EnumMap<>(RightsCaseChannel.class);

        /** One metric row: {@code open.<dim>}, {@code overdue.<dim>}, {@code <month>.<kind>.<dim>} or {@code <month>.rr.<month resolved>.<dim>}. */
        void add(String metric, long value, MonthRange range) {
            String[] part = metric.split("\\.");
            int dim = part.length - 2;
            String kind = part[0].equals("open") || part[0].equals("overdue") ? part[0] : part[1];
            if (kind.equals("rr") && YearMonth.parse(part[2]).isAfter(range.to())) {
                return; // received in the period, resolved after its end
            }
            Sums sums = part[dim].equals("C") ? categories.computeIfAbsent(RightsCaseCategory.valueOf(part[dim + 1]), k -> new Sums())
                    : channels.computeIfAbsent(RightsCaseChannel.valueOf(part[dim + 1]), k -> new Sums());
            sums.add(kind, value);
        }
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

    private static RightsCaseStatistics figures(long unionId, LocalDate today, MonthRange range, Cells cells) {
        RightsCaseStatistics s = new RightsCaseStatistics();
        s.unionId = unionId;
        s.countedOn = today;
        s.periodFrom = range.from().toString();
        s.periodTo = range.to().toString();
        // every case has one category: the categories add up to the whole
        Sums total = new Sums();
        s.byCategory = new ArrayList<>();
        for (RightsCaseCategory category : RightsCaseCategory.values()) {
            Sums sums = cells.categories.getOrDefault(category, new Sums());
            total.add(sums);
            RightsCaseStatistics.ByCategory row = new RightsCaseStatistics.ByCategory();
            row.category = category;
            s.byCategory.add(sums.fill(row));
        }
        s.byChannel = new ArrayList<>();
        for (RightsCaseChannel channel : RightsCaseChannel.values()) {
            RightsCaseStatistics.ByChannel row = new RightsCaseStatistics.ByChannel();
            row.channel = channel;
            s.byChannel.add(cells.channels.getOrDefault(channel, new Sums()).fill(row));
        }
        total.fill(s);
        return s;
    }

    private static int toInt(Object n) {
        return Math.toIntExact(((Number) n).longValue());
    }

    /** The figures of a group of cases (one category, one channel, or all), summed from metric rows. */
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

        /** Adds one metric row of a kind of {@code gonghui_rights_case_cells} (wages in fen), or a live open or overdue count. */
        void add(String kind, long value) {
            switch (kind) {
                case "recv" -> received += value;
                case "acc" -> accepted += value;
                case "dec" -> declined += value;
                case "res" -> resolved += value;
                case "ontime" -> resolvedOnTime += value;
                case "rr" -> receivedAndResolved += value;
                case "open" -> open += value;
                case "overdue" -> overdue += value;
                case "wd" -> workingDays += value;
                case "wdn" -> workingDaysCounted += value;
                case "wages" -> wages = wages.add(BigDecimal.valueOf(value, 2));
                case "rsum" -> ratingSum += value;
                case "rn" -> ratings += value;
                default -> throw new IllegalStateException("unknown rights-case metric kind " + kind);
            }
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
