package org.gonghui.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.member.KeyGroup;
import org.gonghui.security.Caller;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.statistics.Figures;
import org.gonghui.statistics.MonthRange;
import org.gonghui.statistics.StatisticsService;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionRules;

/**
 * The workforce registry (registered workers per key group of an area) and enrolment targets, measured
 * against the subtree statistics. Officials only, confined to their subtree by {@link UnionService}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkforceService {

    static final int MAX_WORKERS = 100_000_000;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    StatisticsService statistics;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Transactional
    public WorkforceCount record(WorkforceInputs.Count input) {
        TradeUnion union = scope.union(input.unionId, "unionId");
        if (input.registeredWorkers < 0 || input.registeredWorkers > MAX_WORKERS) {
            throw new ValidationException("registeredWorkers: 须在 0 到 " + MAX_WORKERS + " 之间 — between 0 and " + MAX_WORKERS + ", got " + input.registeredWorkers);
        }
        UnionRules.checkNotFuture("countedOn", input.countedOn);
        WorkforceCount count = new WorkforceCount();
        count.unionId = union.id;
        count.keyGroup = input.keyGroup;
        count.registeredWorkers = input.registeredWorkers;
        count.countedOn = input.countedOn;
        count.source = Text.line("source", input.source, 200, false);
        count.recordedBy = caller.subject();
        count.persist();
        count.flush();
        em.refresh(count);
        audit.record("recordWorkforceCount", "WorkforceCount", count.id, union.id, union.path, Map.of(), Map.of("keyGroup", count.keyGroup.name(),
                "registeredWorkers", String.valueOf(count.registeredWorkers), "countedOn", count.countedOn.toString()));
        return count;
    }

    /** The counts recorded for unions of a subtree, optionally of one group, in id order. */
    public WorkforceCountConnection counts(Long unionId, KeyGroup group, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(unionId, "unionId");
        Map<String, Object> params = subtree.parameters();
        StringBuilder where = new StringBuilder(subtree.hqlUnionIdIn("unionId"));
        if (group != null) {
            where.append(" and keyGroup = :group");
            params.put("group", group);
        }
        if (page.afterId() != null) {
            where.append(" and id > :after");
            params.put("after", page.afterId());
        }
        return new WorkforceCountConnection(page.page(WorkforceCount.find(where + " order by id", params).range(0, page.rowsToFetch() - 1).list(), c -> c.id, null));
    }

    /** Every key group: members of the union's subtree now against the latest registered count of its area. */
    public List<KeyGroupEnrolment> enrolment(Long unionId) {
        TradeUnion union = scope.union(unionId, "unionId");
        LocalDate today = LocalDate.now(UnionRules.CHINA);
        Figures figures = statistics.figures(List.of(union.id), today).getOrDefault(union.id, null);
        Map<KeyGroup, WorkforceCount> latest = latestCounts(List.of(union.id), Map.of(union.id, today)).getOrDefault(union.id, Map.of());
        List<KeyGroupEnrolment> rows = new ArrayList<>();
        for (KeyGroup group : KeyGroup.values()) {
            KeyGroupEnrolment row = new KeyGroupEnrolment();
            row.keyGroup = group;
            row.members = figures == null ? 0 : Math.toIntExact(figures.get("member.group." + group));
            WorkforceCount count = latest.get(group);
            if (count != null) {
                row.registeredWorkers = count.registeredWorkers;
                row.countedOn = count.countedOn;
                row.source = count.source;
                row.enrolmentRate = count.registeredWorkers == 0 ? null : (double) row.members / count.registeredWorkers;
            }
            rows.add(row);
        }
        return rows;
    }

    @Transactional
    public EnrolmentTarget setTarget(WorkforceInputs.Target input) {
        TradeUnion union = scope.union(input.unionId, "unionId");
        EnrolmentTarget target = new EnrolmentTarget();
        target.unionId = union.id;
        target.kind = input.kind;
        target.title = Text.line("title", input.title, 200, true);
        target.dueOn = input.dueOn;
        if (input.kind == TargetKind.KEY_GROUP_ENROLMENT) {
            if (input.keyGroups == null || input.keyGroups.isEmpty() || input.keyGroups.contains(null)) {
                throw new ValidationException("keyGroups: 至少一个重点群体 — name at least one key group");
            }
            if (input.targetRate == null || input.targetRate.isNaN() || input.targetRate <= 0 || input.targetRate > 1) {
                throw new ValidationException("targetRate: 须大于 0 且不超过 1 — a share above 0 and at most 1 (0.5 is 50%), got " + input.targetRate);
            }
            BigDecimal rate = BigDecimal.valueOf(input.targetRate);
            if (rate.scale() > 4) {
                throw new ValidationException("targetRate: 最多四位小数 — at most four decimals, got " + input.targetRate);
            }
            if (input.targetCount != null || input.periodFrom != null) {
                throw new ValidationException("targetCount: 入会率目标不设人数和起始月份 — KEY_GROUP_ENROLMENT takes keyGroups and targetRate, not targetCount or periodFrom");
            }
            target.keyGroupNames = input.keyGroups.stream().distinct().map(Enum::name).toArray(String[]::new);
            target.targetRateValue = rate.setScale(4, RoundingMode.UNNECESSARY);
        } else {
            if (input.targetCount == null || input.targetCount < 1) {
                throw new ValidationException("targetCount: 须为正整数 — a number of at least 1, got " + input.targetCount);
            }
            if (input.periodFrom == null) {
                throw new ValidationException("periodFrom: 须填写起始月份 — the first month counted, YYYY-MM");
            }
            YearMonth from = MonthRange.month("periodFrom", input.periodFrom);
            MonthRange.of("periodFrom", input.periodFrom, "dueOn", YearMonth.from(input.dueOn).toString());
            if (input.targetRate != null || (input.keyGroups != null && !input.keyGroups.isEmpty())) {
                throw new ValidationException("targetRate: 人数目标不设比例和群体 — " + input.kind + " takes targetCount and periodFrom, not targetRate or keyGroups");
            }
            target.targetCount = input.targetCount;
            target.periodStart = from.atDay(1);
            target.keyGroupNames = new String[0];
        }
        target.createdBy = caller.subject();
        target.persist();
        target.flush();
        em.refresh(target);
        audit.record("setEnrolmentTarget", "EnrolmentTarget", target.id, union.id, union.path, Map.of(), Map.of("kind", target.kind.name(),
                "title", target.title, "dueOn", target.dueOn.toString()));
        return target;
    }

    @Transactional
    public boolean deleteTarget(Long id) {
        EnrolmentTarget target = visibleTarget(id);
        TradeUnion union = TradeUnion.findById(target.unionId);
        target.delete();
        audit.record("deleteEnrolmentTarget", "EnrolmentTarget", id, union.id, union.path, Map.of("title", target.title), Map.of());
        return true;
    }

    /** Targets set for unions of a subtree, in id order. */
    public EnrolmentTargetConnection targets(Long unionId, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(unionId, "unionId");
        Map<String, Object> params = subtree.parameters();
        String where = subtree.hqlUnionIdIn("unionId");
        if (page.afterId() != null) {
            where += " and id > :after";
            params.put("after", page.afterId());
        }
        return new EnrolmentTargetConnection(page.page(EnrolmentTarget.find(where + " order by id", params).range(0, page.rowsToFetch() - 1).list(), t -> t.id, null));
    }

    /**
     * Progress of each target: the figures of all targets' unions in one statement per evaluation day
     * (today, and each due date already past), the registered counts in one more.
     */
    public List<TargetProgress> progress(List<EnrolmentTarget> targets) {
        LocalDate today = LocalDate.now(UnionRules.CHINA);
        Map<LocalDate, List<Long>> unionsByDay = new LinkedHashMap<>();
        Map<Long, LocalDate> countDay = new HashMap<>();
        for (EnrolmentTarget t : targets) {
            LocalDate day = evaluationDay(t, today);
            unionsByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(t.unionId);
            if (t.kind == TargetKind.KEY_GROUP_ENROLMENT) {
                countDay.merge(t.unionId, day, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<LocalDate, Map<Long, Figures>> figures = new HashMap<>();
        unionsByDay.forEach((day, ids) -> figures.put(day, statistics.figures(ids.stream().distinct().toList(), day)));
        Map<Long, Map<KeyGroup, List<WorkforceCount>>> counts = countHistory(List.copyOf(countDay.keySet()), countDay);
        return targets.stream().map(t -> {
            LocalDate day = evaluationDay(t, today);
            Figures f = figures.get(day).get(t.unionId);
            return measure(t, day, today, f, counts.getOrDefault(t.unionId, Map.of()));
        }).toList();
    }

    private static TargetProgress measure(EnrolmentTarget t, LocalDate day, LocalDate today, Figures f, Map<KeyGroup, List<WorkforceCount>> counts) {
        TargetProgress p = new TargetProgress();
        p.evaluatedAsOf = day;
        p.closed = t.dueOn.isBefore(today);
        p.missingCounts = List.of();
        if (t.kind == TargetKind.KEY_GROUP_ENROLMENT) {
            long members = 0;
            long registered = 0;
            List<KeyGroup> missing = new ArrayList<>();
            for (KeyGroup group : t.getKeyGroups()) {
                members += f == null ? 0 : f.get("member.group." + group);
                WorkforceCount count = counts.getOrDefault(group, List.of()).stream().filter(c -> !c.countedOn.isAfter(day)).findFirst().orElse(null);
                if (count == null) {
                    missing.add(group);
                } else {
                    registered += count.registeredWorkers;
                }
            }
            p.achieved = Math.toIntExact(members);
            p.missingCounts = missing;
            if (missing.isEmpty()) {
                p.registeredWorkers = Math.toIntExact(registered);
                if (registered > 0) {
                    p.enrolmentRate = (double) members / registered;
                    p.progress = p.enrolmentRate / t.targetRateValue.doubleValue();
                    p.met = BigDecimal.valueOf(members).compareTo(t.targetRateValue.multiply(BigDecimal.valueOf(registered))) >= 0;
                }
            }
        } else {
            MonthRange months = new MonthRange(YearMonth.from(t.periodStart), YearMonth.from(t.dueOn));
            String metric = t.kind == TargetKind.NEW_MEMBERS ? "member.joined" : "member.joined_new_form";
            p.achieved = f == null ? 0 : Math.toIntExact(f.sumMonths(metric, months));
            p.progress = (double) p.achieved / t.targetCount;
            p.met = p.achieved >= t.targetCount;
        }
        return p;
    }

    /** Rate targets are measured as at their due date once it has passed; count targets by the months of their period, today. */
    private static LocalDate evaluationDay(EnrolmentTarget t, LocalDate today) {
        return t.kind == TargetKind.KEY_GROUP_ENROLMENT && t.dueOn.isBefore(today) ? t.dueOn : today;
    }

    /** The latest count per group of each union counted on or before its day. */
    private Map<Long, Map<KeyGroup, WorkforceCount>> latestCounts(List<Long> unionIds, Map<Long, LocalDate> day) {
        Map<Long, Map<KeyGroup, WorkforceCount>> latest = new HashMap<>();
        countHistory(unionIds, day).forEach((union, byGroup) -> byGroup.forEach((group, list) -> {
            if (!list.isEmpty()) {
                latest.computeIfAbsent(union, k -> new HashMap<>()).put(group, list.get(0));
            }
        }));
        return latest;
    }

    /** Counts of the given unions up to each union's day, newest first per group; one statement. */
    private Map<Long, Map<KeyGroup, List<WorkforceCount>>> countHistory(List<Long> unionIds, Map<Long, LocalDate> day) {
        if (unionIds.isEmpty()) {
            return Map.of();
        }
        LocalDate latestDay = day.values().stream().max(LocalDate::compareTo).orElseThrow();
        List<WorkforceCount> rows = WorkforceCount.list("unionId in ?1 and countedOn <= ?2 order by countedOn desc, id desc", unionIds, latestDay);
        return rows.stream().filter(c -> !c.countedOn.isAfter(day.get(c.unionId)))
                .collect(Collectors.groupingBy(c -> c.unionId, Collectors.groupingBy(c -> c.keyGroup, LinkedHashMap::new, Collectors.toList())));
    }

    private EnrolmentTarget visibleTarget(Long id) {
        EnrolmentTarget target = scope.ifVisible(id == null ? null : EnrolmentTarget.<EnrolmentTarget>findById(id), t -> t.unionId);
        if (target == null) {
            throw new NotFoundException("id: 目标不存在 — no enrolment target " + id + " in your scope");
        }
        return target;
    }
}
