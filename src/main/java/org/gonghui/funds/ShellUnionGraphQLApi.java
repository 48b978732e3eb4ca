package org.gonghui.funds;

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
import org.gonghui.support.Paging;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;

/** The shell-union check as GraphQL, for officials, confined to their subtree. */
@GraphQLApi
@TranslateErrors
public class ShellUnionGraphQLApi {

    public static final Ordering<Void> SHELL_UNIONS = Ordering.of("Query.shellUnions", "tree");

    @Inject
    ShellUnionService shells;

    @Inject
    Paging paging;

    @Query("shellUnions")
    @Description("空壳工会排查 (ACTIVE grassroots unions of a subtree showing at least one sign of a shell: no active members, "
            + "no funds remitted, no activity), in tree order like `unions`. Unions created inside a window are not judged on it.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ShellUnionConnection shellUnions(
            @Id @Name("unionId") @Description("The union whose subtree is checked; default yours. NOT_FOUND outside your subtree.") Long unionId,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last union of the previous page.") String after,
            @Name("fundsMonths") @Description("NO_FUNDS_REMITTED: complete calendar months checked, 1 to 120; default 3 (gonghui.shell.funds-months).")
            Integer fundsMonths,
            @Name("inactiveMonths") @Description("NO_ACTIVITY: months checked, 1 to 120; default 6 (gonghui.shell.inactive-months).")
            Integer inactiveMonths) {
        return shells.list(unionId, fundsMonths, inactiveMonths, PageRequest.of(first, after, paging, SHELL_UNIONS));
    }

    // Batched: one count per distinct list, whatever the number of connections in the response.

    @Name("totalCount")
    @Description("Number of shell unions in the whole list, all pages together.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> totalCount(@Source List<ShellUnionConnection> sources) {
        return shells.totalCounts(sources);
    }
}
