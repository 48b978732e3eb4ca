package org.gonghui.funds;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.TradeUnion;

/** Union funds as GraphQL: officials record employers' monthly remittances and list those of their subtree. */
@GraphQLApi
@TranslateErrors
public class FundsGraphQLApi {

    public static final Ordering<Void> REMITTANCES = Ordering.of("Query.fundsRemittances", "id desc");

    @Inject
    FundsRemittanceService remittances;

    @Inject
    Paging paging;

    @Query("fundsRemittances")
    @Description("工会经费拨缴记录 (remittances recorded for the grassroots unions of a subtree), newest first; "
            + "`totalCount` and `totals` cover the whole filtered list.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public FundsRemittanceConnection fundsRemittances(
            @Id @Name("unionId") @Description("The union whose subtree is listed; default yours. NOT_FOUND outside your subtree.") Long unionId,
            @Name("from") @Description("First month, \"YYYY-MM\" (inclusive); omitted: no lower bound.") String from,
            @Name("to") @Description("Last month, \"YYYY-MM\" (inclusive); omitted: no upper bound.") String to,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last remittance of the previous page.") String after) {
        return remittances.list(unionId, from, to, PageRequest.of(first, after, paging, REMITTANCES));
    }

    // Batched fields (one statement per level of the response, avoiding N+1).

    @Name("union")
    @Description("基层工会 (the grassroots union the employer belongs to); null when it no longer lies in your subtree (moved away).")
    @RolesAllowed(Roles.OFFICIAL)
    public List<TradeUnion> union(@Source List<FundsRemittance> sources) {
        return remittances.unionsOf(sources);
    }

    @Name("totalCount")
    @Description("Number of remittances in the whole filtered list, all pages together.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> totalCount(@Source List<FundsRemittanceConnection> sources) {
        return remittances.totalCounts(sources);
    }

    @Name("totals")
    @Description("合计 (payrolls, funds due, remitted and short over the whole filtered list).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull FundsRemittanceTotals> totals(@Source List<FundsRemittanceConnection> sources) {
        return remittances.totals(sources);
    }

    @Mutation("recordFundsRemittance")
    @RateLimited
    @Description("登记经费拨缴 (record one employer's union funds for one month at a grassroots union of your subtree). "
            + "The amount due is 2% of the payroll; a second record for the same employer, union and month is CONFLICT.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public FundsRemittance recordFundsRemittance(@NonNull @Name("input") @Description("The remittance.") FundsRemittanceInput input) {
        return remittances.record(input);
    }
}
