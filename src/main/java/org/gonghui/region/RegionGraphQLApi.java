package org.gonghui.region;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;

/** The administrative divisions as GraphQL: public, no login, for choosing a region code. */
@GraphQLApi
@TranslateErrors
public class RegionGraphQLApi {

    /** In code order: a cursor names the code the page continues after. */
    public static final Ordering<Void> REGIONS = Ordering.of("Query.regions", "code");

    @Inject
    Regions regions;

    @Inject
    Paging paging;

    @Query("regions")
    @RateLimited(RateLimited.Kind.PUBLIC_QUERY)
    @Description("行政区划 (administrative divisions, GB/T 2260: province → city → county) directly below parentCode, in code order; without "
            + "parentCode the provinces. Public: no login needed. A malformed parentCode is VALIDATION; a code with nothing below gives an empty list.")
    @PermitAll
    @NonNull
    public RegionConnection regions(
            @Name("parentCode") @Description("Six-digit code of the division above; omitted: the provinces.") String parentCode,
            @Name("includeRetired") @DefaultValue("false") @Description("Also list retired codes (marked retired); default false.") Boolean includeRetired,
            @Name("first") @Description("Page size, 0 to the maximum page size (100 by default); default 20.") Integer first,
            @Name("after") @Description("Cursor of the last division of the previous page.") String after) {
        return regions.children(parentCode, Boolean.TRUE.equals(includeRetired), PageRequest.of(first, after, paging, REGIONS));
    }

    @Name("totalCount")
    @Description("Number of divisions in the whole list, all pages together.")
    @PermitAll
    @NonNull
    public List<@NonNull Integer> totalCount(@Source List<RegionConnection> sources) {
        return regions.totalCounts(sources);
    }
}
