package org.gonghui.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.member.KeyGroup;
import org.gonghui.member.MemberStatus;
import org.gonghui.site.SiteKind;
import org.gonghui.support.Money;
import org.gonghui.union.UnionKind;
import org.gonghui.union.UnionLevel;
import org.gonghui.union.UnionStatus;

/** Figures of a union's whole subtree (the union itself included), counted from the ledger when asked. */
@Description("统计 (figures of a union's whole subtree, the union itself included). Counts are exact: they equal a recount of the "
        + "records at the moment of the request (or as the records stood at the end of `asOf`). Shares are computed from the counts when "
        + "asked, never stored: a share is a fraction between 0 and 1 and null when its denominator is 0. Periods are calendar months in Asia/Shanghai.")
public class UnionStatistics {

    @Id
    @NonNull
    @Description("The union whose subtree is counted.")
    public Long unionId;

    @NonNull
    @Description("The day (Asia/Shanghai) the figures stand for: today for current figures, else the `asOf` asked for (figures as at the end of that day, "
            + "with the hierarchy as it stood then).")
    public LocalDate asOf;

    @NonNull
    @Description("First month (YYYY-MM) of the period the period figures (newMembers, withdrawals, program figures) cover.")
    public String periodFrom;

    @NonNull
    @Description("Last month (YYYY-MM) of the period.")
    public String periodTo;

    @NonNull
    @Description("工会数 (unions in PREPARING or ACTIVE status).")
    public int unions;

    @NonNull
    @Description("基层工会数 (GRASSROOTS unions in PREPARING or ACTIVE status).")
    public int grassrootsUnions;

    @NonNull
    @Description("Unions (PREPARING or ACTIVE) by level, in level order.")
    public List<Counts.@NonNull ByLevel> unionsByLevel;

    @NonNull
    @Description("Unions (PREPARING or ACTIVE) by kind, largest first.")
    public List<Counts.@NonNull ByKind> unionsByKind;

    @NonNull
    @Description("Unions by status, every status (DISSOLVED and MERGED included).")
    public List<Counts.@NonNull ByUnionStatus> unionsByStatus;

    @NonNull
    @Description("新就业形态工会数 (new-employment-form unions, PREPARING or ACTIVE).")
    public int newEmploymentFormUnions;

    @Description("Share of new-employment-form unions among `unions` (0 to 1).")
    public Double newEmploymentFormUnionShare;

    @NonNull
    @Description("会员数 (members: PROVISIONAL, ACTIVE, TRANSFERRING and RETAINED memberships).")
    public int members;

    @NonNull
    @Description("Memberships by status, every status with at least one (PENDING applications, WITHDRAWN ... included).")
    public List<Counts.@NonNull ByMemberStatus> membersByStatus;

    @NonNull
    @Description("新就业形态会员数 (members flagged as new-employment-form workers).")
    public int newEmploymentFormMembers;

    @Description("Share of new-employment-form members among `members` (0 to 1).")
    public Double newEmploymentFormMemberShare;

    @NonNull
    @Description("八大群体 (members per key group), largest first.")
    public List<Counts.@NonNull ByKeyGroup> membersByKeyGroup;

    @NonNull
    @Description("农民工会员数 (members flagged as migrant workers).")
    public int migrantWorkers;

    @Description("Share of migrant workers among `members` (0 to 1).")
    public Double migrantWorkerShare;

    @NonNull
    @Description("新入会 (memberships that started in the period: approved applications and registered members, by their join date's month).")
    public int newMembers;

    @NonNull
    @Description("New members of the period flagged as new-employment-form workers.")
    public int newEmploymentFormNewMembers;

    @NonNull
    @Description("退会 (members who withdrew in the period).")
    public int withdrawals;

    @NonNull
    @Description("受益人次 (benefits granted in the period by programs that unions of the subtree organise, by grant date).")
    public int programBeneficiaries;

    @NonNull
    @Description("Money granted in the period by those programs, yuan (exact decimal string).")
    public String programSpending;

    @NonNull
    @Description("服务阵地 (open service sites hosted by unions of the subtree).")
    public int sites;

    @NonNull
    @Description("Open service sites by kind, largest first.")
    public List<Counts.@NonNull BySiteKind> sitesByKind;

    static UnionStatistics of(long unionId, LocalDate asOf, MonthRange period, Figures f) {
        UnionStatistics s = new UnionStatistics();
        s.unionId = unionId;
        s.asOf = asOf;
        s.periodFrom = period.from().toString();
        s.periodTo = period.to().toString();

        Map<UnionLevel, Long> byLevel = new EnumMap<>(UnionLevel.class);
        Map<UnionKind, Long> byKind = new EnumMap<>(UnionKind.class);
        Map<UnionStatus, Long> byStatus = new EnumMap<>(UnionStatus.class);
        long[] newForm = {0};
        f.each("union", (cell, n) -> {
            String[] parts = cell.split("\\.");
            UnionStatus status = UnionStatus.valueOf(parts[2]);
            byStatus.merge(status, n, Long::sum);
            if (status.isOpen()) {
                byLevel.merge(UnionLevel.valueOf(parts[0]), n, Long::sum);
                byKind.merge(UnionKind.valueOf(parts[1]), n, Long::sum);
                if (parts.length > 3) {
                    newForm[0] += n;
                }
            }
        });
        s.unions = toInt(byLevel.values().stream().mapToLong(Long::longValue).sum());
        s.grassrootsUnions = toInt(byLevel.getOrDefault(UnionLevel.GRASSROOTS, 0L));
        s.unionsByLevel = byLevel.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Counts.ByLevel(e.getKey(), e.getValue())).toList();
        s.unionsByKind = largestFirst(byKind, Counts.ByKind::new, c -> c.count);
        s.unionsByStatus = byStatus.entrySet().stream().filter(e -> e.getValue() != 0)
                .map(e -> new Counts.ByUnionStatus(e.getKey(), e.getValue())).toList();
        s.newEmploymentFormUnions = toInt(newForm[0]);
        s.newEmploymentFormUnionShare = share(s.newEmploymentFormUnions, s.unions);

        Map<MemberStatus, Long> memberStatuses = new EnumMap<>(MemberStatus.class);
        f.each("member.status", (status, n) -> memberStatuses.put(MemberStatus.valueOf(status), n));
        s.membersByStatus = memberStatuses.entrySet().stream().map(e -> new Counts.ByMemberStatus(e.getKey(), e.getValue())).toList();
        s.members = toInt(f.get("member.total"));
        s.newEmploymentFormMembers = toInt(f.get("member.new_form"));
        s.newEmploymentFormMemberShare = share(s.newEmploymentFormMembers, s.members);
        Map<KeyGroup, Long> groups = new EnumMap<>(KeyGroup.class);
        f.each("member.group", (group, n) -> groups.put(KeyGroup.valueOf(group), n));
        s.membersByKeyGroup = largestFirst(groups, Counts.ByKeyGroup::new, c -> c.count);
        s.migrantWorkers = toInt(f.get("member.migrant"));
        s.migrantWorkerShare = share(s.migrantWorkers, s.members);
        s.newMembers = toInt(f.sumMonths("member.joined", period));
        s.newEmploymentFormNewMembers = toInt(f.sumMonths("member.joined_new_form", period));
        s.withdrawals = toInt(f.sumMonths("member.withdrawn", period));

        s.programBeneficiaries = toInt(f.sumMonths("program.beneficiaries", period));
        s.programSpending = Money.format(BigDecimal.valueOf(f.sumMonths("program.spent_fen", period), 2));

        Map<SiteKind, Long> sites = new EnumMap<>(SiteKind.class);
        f.each("site", (cell, n) -> {
            String[] parts = cell.split("\\.");
            if ("OPEN".equals(parts[1])) {
                sites.merge(SiteKind.valueOf(parts[0]), n, Long::sum);
            }
        });
        s.sitesByKind = largestFirst(sites, Counts.BySiteKind::new, c -> c.count);
        s.sites = toInt(sites.values().stream().mapToLong(Long::longValue).sum());
        return s;
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static int toInt(long n) {
        return Math.toIntExact(n);
    }

    private static <K extends Enum<K>, C> List<C> largestFirst(Map<K, Long> counts, java.util.function.BiFunction<K, Long, C> row,
            Function<C, Integer> count) {
        List<C> rows = new ArrayList<>();
        counts.forEach((k, n) -> {
            if (n != 0) {
                rows.add(row.apply(k, n));
            }
        });
        rows.sort(Comparator.comparing(count).reversed());
        return rows;
    }
}
