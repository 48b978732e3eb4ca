package org.gonghui.statistics;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.security.Roles;
import org.gonghui.support.TranslateErrors;
import org.gonghui.union.TradeUnion;

/** Subtree figures for officials' dashboards: one union, each child of a union (batched), and monthly series. */
@GraphQLApi
@TranslateErrors
public class StatisticsGraphQLApi {

    @Inject
    StatisticsService statistics;

    @Inject
    RightsCaseHeadlines rightsCases;

    @Query("statistics")
    @Description("统计 (figures of a union's whole subtree): unions, members, key groups, new-employment-form shares, new members, "
            + "program spending, service sites. Current figures unless `asOf` is given. NOT_FOUND outside your subtree.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public UnionStatistics statistics(
            @NonNull @Id @Name("unionId") @Description("The union; its whole subtree is counted.") Long unionId,
            @Name("asOf") @Description("A past day (Asia/Shanghai): figures as at the end of that day, with the hierarchy and the memberships "
                    + "as they stood then. Omitted or today: current figures. Not in the future.") LocalDate asOf,
            @Name("period") @Description("Months the period figures cover; default January to the month of `asOf` (or this month).") MonthRange.In period) {
        return statistics.of(unionId, asOf, period);
    }

    @Name("statistics")
    @Description("统计 (figures of this union's whole subtree, as for the `statistics` query). Batched: asking it for every child of a union "
            + "costs one statement.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull UnionStatistics> unionStatistics(@Source List<TradeUnion> sources,
            @Name("asOf") @Description("A past day (Asia/Shanghai); omitted or today: current figures.") LocalDate asOf,
            @Name("period") @Description("Months the period figures cover; default January to the month of `asOf` (or this month).") MonthRange.In period) {
        return statistics.of(sources, asOf, period, "");
    }

    @Query("memberTrend")
    @Description("会员发展趋势 (new members and withdrawals per calendar month of a union's subtree as it stands now, oldest month first).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull MonthlyMembers> memberTrend(
            @NonNull @Id @Name("unionId") @Description("The union; its whole subtree is counted.") Long unionId,
            @NonNull @Name("from") @Description("First month, YYYY-MM.") String from,
            @NonNull @Name("to") @Description("Last month, YYYY-MM; at most 120 months after `from`.") String to) {
        return statistics.trend(unionId, from, to);
    }

    @Name("rightsCasesReceived")
    @Description("维权收案 (rights cases received in the period, up to the end of `asOf`, by the unions of the subtree; a case counts under the "
            + "union that received it). Batched with the two other rights-case counts: one statement for all of them and every union asked for.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> rightsCasesReceived(@Source List<UnionStatistics> sources) {
        return rightsCases.of(sources).stream().map(h -> h.received()).toList();
    }

    @Name("rightsCasesOpen")
    @Description("维权在办 (rights cases received by unions of the subtree and open at the end of `asOf`: neither declined nor resolved by then).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> rightsCasesOpen(@Source List<UnionStatistics> sources) {
        return rightsCases.of(sources).stream().map(h -> h.open()).toList();
    }

    @Name("rightsCasesOverdue")
    @Description("维权超期 (of `rightsCasesOpen`, the cases past the deadline of their stage on `asOf`: acceptance, or resolution once accepted; "
            + "deadlines as they stand now).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> rightsCasesOverdue(@Source List<UnionStatistics> sources) {
        return rightsCases.of(sources).stream().map(h -> h.overdue()).toList();
    }
}
