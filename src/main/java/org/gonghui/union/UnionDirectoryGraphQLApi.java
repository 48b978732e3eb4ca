package org.gonghui.union;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.geo.CoordinateSystem;
import org.gonghui.geo.GeoPoint;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.support.paging.SortKey;

/**
 * The public union directory as GraphQL: {@code findUnions} for everyone (workers' apps, no login), with
 * the list's total and the cards' location (the unions above and the region come with the page's row).
 * Rate-limited like nearestSites.
 */
@GraphQLApi
@TranslateErrors
public class UnionDirectoryGraphQLApi {

    /** With a point: nearest first, a cursor carries the distance and the id. */
    public static final Ordering<Double> NEAREST = Ordering.of("Query.findUnions", "distance", SortKey.DISTANCE);

    /** Without a point: in id order. */
    public static final Ordering<Void> BY_ID = Ordering.byId("Query.findUnions");

    @Inject
    UnionDirectory directory;

    @Inject
    Paging paging;

    @Query("findUnions")
    @RateLimited(RateLimited.Kind.PUBLIC_QUERY)
    @Description("查找工会 (find a union to join): ACTIVE grassroots unions that take applications (enterprise, joint, community and industry "
            + "federation unions), as public cards; nearest first with distances when filter.near is given, else in id order. Public: no login "
            + "needed. A point outside China, a radius over 50 km, a malformed region code or over-long text is VALIDATION.")
    @PermitAll
    @NonNull
    public UnionCardConnection findUnions(
            @Name("filter") @Description("Conditions; omitted: every union that takes applications.") FindUnionsFilter filter,
            @Name("first") @Description("Page size, 0 to the maximum page size (100 by default); default 20.") Integer first,
            @Name("after") @Description("Cursor of the last union of the previous page (of the same filter's order).") String after) {
        if (filter != null && filter.near != null) {
            return directory.findNear(filter, PageRequest.of(first, after, paging, NEAREST));
        }
        return directory.find(filter, PageRequest.of(first, after, paging, BY_ID));
    }

    @Name("totalCount")
    @Description("Number of unions in the whole list, all pages together.")
    @PermitAll
    @NonNull
    public List<@NonNull Integer> totalCount(@Source List<UnionCardConnection> sources) {
        return directory.totalCounts(sources);
    }

    @Name("location")
    @Description("位置 (the office's position) in the requested coordinate system, by default the one of the request's near point (else WGS84); "
            + "null when the union gave none. Computed, no database access.")
    @PermitAll
    public GeoPoint location(@Source UnionCard card,
            @Name("coordinateSystem") @Description("WGS84, GCJ02 or BD09; omitted: the request's.") CoordinateSystem coordinateSystem) {
        return UnionDirectory.location(card, coordinateSystem);
    }
}
