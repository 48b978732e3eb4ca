package org.gonghui.site;

import java.util.List;

import jakarta.annotation.security.PermitAll;
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
import org.gonghui.support.paging.SortKey;
import org.gonghui.union.UnionRef;

/**
 * Service sites as GraphQL: {@code nearestSites} for everyone (the mobile "love map", no login) and
 * the sites of a subtree for its officials.
 */
@GraphQLApi
@TranslateErrors
public class SiteGraphQLApi {

    /** Nearest first: a cursor carries the distance and the id. */
    public static final Ordering<Double> NEAREST = Ordering.of("Query.nearestSites", "distance", SortKey.DISTANCE);

    public static final Ordering<Void> SITES = Ordering.byId("Query.serviceSites");

    @Inject
    SiteService sites;

    @Inject
    Paging paging;

    @Query("nearestSites")
    @RateLimited(RateLimited.Kind.PUBLIC_QUERY)
    @Description("附近的服务阵地 (open service sites within radiusKm of a point, nearest first by great-circle distance). Public: no login needed. "
            + "Coordinates outside China or a radius over 50 km are VALIDATION errors.")
    @PermitAll
    @NonNull
    public NearbySiteConnection nearestSites(
            @NonNull @Name("latitude") @Description("Latitude of the point, degrees.") Double latitude,
            @NonNull @Name("longitude") @Description("Longitude of the point, degrees.") Double longitude,
            @Name("coordinateSystem") @DefaultValue("WGS84") @Description("Coordinate system of the point; results come back in the same one.") CoordinateSystem coordinateSystem,
            @NonNull @Name("radiusKm") @Description("Search radius in km, over 0 and at most 50.") Double radiusKm,
            @Name("kinds") @Description("Only these kinds (default every kind).") List<SiteKind> kinds,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last site of the previous page.") String after) {
        return sites.nearest(latitude, longitude, coordinateSystem, radiusKm, kinds, PageRequest.of(first, after, paging, NEAREST));
    }

    @Query("serviceSite")
    @Description("一个服务阵地 (one site hosted in your subtree, also a closed one). NOT_FOUND otherwise.")
    @RolesAllowed(Roles.OFFICIAL)
    public ServiceSite serviceSite(@NonNull @Id @Name("id") @Description("Id of the site.") Long id) {
        return sites.get(id);
    }

    @Query("serviceSites")
    @Description("服务阵地列表 (sites hosted by unions of your subtree), in id order.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public SiteConnection serviceSites(@Name("filter") @Description("Conditions; omitted: every site of your subtree.") SiteInputs.Filter filter,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last site of the previous page.") String after) {
        return sites.list(filter, PageRequest.of(first, after, paging, SITES));
    }

    // Batched: one statement for the host unions of a whole page (avoids N+1).
    @Name("hostUnion")
    @Description("主办工会 (the host union: id, name and level).")
    @PermitAll
    @NonNull
    public List<@NonNull UnionRef> hostUnion(@Source List<ServiceSite> sources) {
        return sites.hosts(sources);
    }

    @Name("location")
    @Description("The site's position in the requested coordinate system (computed, no database access).")
    @PermitAll
    @NonNull
    public GeoPoint location(@Source ServiceSite site,
            @Name("coordinateSystem") @DefaultValue("WGS84") @Description("WGS84 (default), GCJ02 or BD09.") CoordinateSystem coordinateSystem) {
        return GeoPoint.of(site.latitude, site.longitude, coordinateSystem);
    }

    @Mutation("createServiceSite")
    @RateLimited
    @Description("新建服务阵地 (add a site hosted by a union of your subtree).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ServiceSite createServiceSite(@NonNull @Name("input") @Description("The site.") SiteInputs.Create input) {
        return sites.create(input);
    }

    @Mutation("updateServiceSite")
    @RateLimited
    @Description("修改服务阵地 (change a site, or close it with status CLOSED).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ServiceSite updateServiceSite(@NonNull @Name("input") @Description("The changes and the version you read.") SiteInputs.Update input) {
        return sites.update(input);
    }
}
