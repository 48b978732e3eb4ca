package org.gonghui.union;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gonghui.geo.CoordinateSystem;
import org.gonghui.geo.GeoPoint;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.Page;
import org.gonghui.support.paging.PageRequest;

/**
 * The public union directory (findUnions): ACTIVE grassroots unions that take applications, found by
 * name, employer, area, kind or distance, each as a {@link UnionCard}. Public information only, for
 * anyone; no caller scope applies.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UnionDirectory {

    private static final Counter<PublicUnionQuery> MATCHING = Counter.eachBy(PublicUnionQuery::count);

    /** The unions matching a filter without a point, in id order. */
    public UnionCardConnection find(FindUnionsFilter filter, PageRequest<Void> page) {
        PublicUnionQuery query = PublicUnionQuery.of(filter);
        return cards(page.page(query.page(null, page.afterId(), page.rowsToFetch()), PublicUnionQuery.Candidate::id, new CountKey<>(MATCHING, query)),
                CoordinateSystem.WGS84);
    }

    /** The unions matching a filter with a point ({@code filter.near}), nearest first. */
    public UnionCardConnection findNear(FindUnionsFilter filter, PageRequest<Double> page) {
        PublicUnionQuery query = PublicUnionQuery.of(filter);
        return cards(page.page(query.page(page.afterValue(), page.afterId(), page.rowsToFetch()), PublicUnionQuery.Candidate::distanceKm,
                PublicUnionQuery.Candidate::id, new CountKey<>(MATCHING, query)), query.area().system());
    }

    private static UnionCardConnection cards(Page<PublicUnionQuery.Candidate> found, CoordinateSystem system) {
        return new UnionCardConnection(found, found.edges((c, cursor) -> new UnionCardConnection.UnionCardEdge(
                new UnionCard(c, system), c.distanceKm(), cursor)));
    }

    public List<Integer> totalCounts(List<UnionCardConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    /** The card's location in the requested coordinate system (default: the request's); null when the union gave none. */
    public static GeoPoint location(UnionCard card, CoordinateSystem requested) {
        if (card.latitude == null || card.longitude == null) {
            return null;
        }
        return GeoPoint.of(card.latitude, card.longitude, requested == null ? card.requestSystem : requested);
    }
}
