package org.gonghui.rights;

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
import org.gonghui.statistics.MonthRange;
import org.gonghui.support.TranslateErrors;
import org.gonghui.union.TradeUnion;

/** Rights-case figures for officials: one union's subtree, and each child of a union (batched). */
@GraphQLApi
@TranslateErrors
public class RightsCaseStatisticsGraphQLApi {

    @Inject
    RightsCaseStatisticsService figures;

    @Query("rightsCaseStatistics")
    @Description("维权统计 (rights-case figures of a union's whole subtree: received, accepted, declined, resolved, on time, overdue now, closure "
            + "and on-time rates, mean working days to resolve, wages recovered, mean satisfaction; by category and by channel). A case counts under "
            + "the union that received it. NOT_FOUND outside your subtree.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCaseStatistics rightsCaseStatistics(
            @NonNull @Id @Name("unionId") @Description("The union; its whole subtree is counted.") Long unionId,
            @Name("period") @Description("Months the period figures cover; default January to this month (Asia/Shanghai).") MonthRange.In period) {
        return figures.of(unionId, period);
    }

    @Name("rightsCaseStatistics")
    @Description("维权统计 (rights-case figures of this union's whole subtree, as for the `rightsCaseStatistics` query). Batched: asking it for "
            + "every child of a union costs one statement.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull RightsCaseStatistics> unionRightsCaseStatistics(@Source List<TradeUnion> sources,
            @Name("period") @Description("Months the period figures cover; default January to this month (Asia/Shanghai).") MonthRange.In period) {
        return figures.of(sources, period);
    }
}
