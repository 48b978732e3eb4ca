package org.gonghui.union;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.geo.CoordinateSystem;
import org.gonghui.geo.GeoPoint;
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;

/**
 * The hierarchy as GraphQL. Officials only; every operation and nested field is confined to the
 * caller's subtree by {@link UnionService}. Nested fields are batched: each resolves a whole level of
 * the response in one SQL statement, so a page costs the same number of statements at any size.
 */
@GraphQLApi
@TranslateErrors
public class UnionGraphQLApi {

    /** The subtree in tree order (a cursor names the union the page continues after). */
    public static final Ordering<Void> UNIONS = Ordering.of("Query.unions", "tree");

    public static final Ordering<Void> CHILDREN = Ordering.byId("Union.children");

    @Inject
    UnionService unions;

    @Inject
    Paging paging;

    @Query("union")
    @Description("一个工会 (one union in your subtree). NOT_FOUND when it does not exist or lies outside your subtree, your ancestors included.")
    @RolesAllowed(Roles.OFFICIAL)
    public TradeUnion union(@NonNull @Id @Name("id") @Description("Id of the union.") Long id) {
        return unions.get(id);
    }

    @Query("unions")
    @Description("工会列表 (unions of your subtree matching the filter), in tree order: each union before the unions below it.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public UnionConnection unions(
            @Name("filter") @Description("Conditions; omitted: your whole subtree.") UnionFilter filter,
            @Name("first") @Description("Page size, 0 to the maximum page size (100 by default); default 20.") Integer first,
            @Name("after") @Description("Cursor of the last union of the previous page.") String after) {
        return unions.list(filter, PageRequest.of(first, after, paging, UNIONS));
    }

    // The fields below take the whole list of parent objects at once (batching) to avoid N+1 queries.

    @Name("parent")
    @Description("上级工会 (the union directly above); null for the national union and when the parent lies outside your subtree.")
    @RolesAllowed(Roles.OFFICIAL)
    public List<TradeUnion> parent(@Source List<TradeUnion> sources) {
        return unions.parents(sources);
    }

    @Name("ancestors")
    @Description("路径 (breadcrumb of the unions above, root first, this union excluded): ids, names and levels only.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull List<@NonNull UnionRef>> ancestors(@Source List<TradeUnion> sources) {
        return unions.ancestors(sources);
    }

    @Name("children")
    @Description("直属下级工会 (unions directly below), in id order.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull UnionConnection> children(@Source List<TradeUnion> sources,
            @Name("first") @Description("Page size, 0 to the maximum page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last child of the previous page.") String after) {
        return unions.children(sources, PageRequest.of(first, after, paging, CHILDREN));
    }

    @Name("totalCount")
    @Description("Number of unions in the whole list, all pages together.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> totalCount(@Source List<UnionConnection> sources) {
        return unions.totalCounts(sources);
    }

    @Name("location")
    @Description("位置 (the office's position, stored as WGS-84) in the requested coordinate system; null when not given. Computed, no database access.")
    @RolesAllowed(Roles.OFFICIAL)
    public GeoPoint location(@Source TradeUnion union,
            @Name("coordinateSystem") @DefaultValue("WGS84") @Description("WGS84 (default), GCJ02 or BD09.") CoordinateSystem coordinateSystem) {
        return union.latitude == null || union.longitude == null ? null : GeoPoint.of(union.latitude, union.longitude, coordinateSystem);
    }

    @Mutation("createUnion")
    @RateLimited
    @Description("新建工会 (create a union under a parent in your subtree).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public TradeUnion createUnion(@NonNull @Name("input") @Description("The new union.") CreateUnionInput input) {
        return unions.create(input);
    }

    @Mutation("updateUnion")
    @RateLimited
    @Description("修改工会信息 (change a union's record).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public TradeUnion updateUnion(@NonNull @Name("input") @Description("The changes and the version you read.") UpdateUnionInput input) {
        return unions.update(input);
    }

    @Mutation("moveUnion")
    @RateLimited
    @Description("调整隶属关系 (move a union and its whole subtree under a new parent, atomically).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public TradeUnion moveUnion(@NonNull @Name("input") @Description("The union, its version and the new parent.") MoveUnionInput input) {
        return unions.move(input);
    }

    @Mutation("dissolveUnion")
    @RateLimited
    @Description("撤销工会 (dissolve a union that has no PREPARING or ACTIVE child unions).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public TradeUnion dissolveUnion(@NonNull @Name("input") @Description("The union, its version and the reason.") DissolveUnionInput input) {
        return unions.dissolve(input);
    }
}
