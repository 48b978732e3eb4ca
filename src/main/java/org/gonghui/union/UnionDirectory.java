package org.gonghui.union;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.geo.CoordinateSystem;
import org.gonghui.geo.GeoPoint;
import org.gonghui.region.Region;
import org.gonghui.region.Regions;
import org.gonghui.support.SqlText;
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

    @Inject
    Regions regions;

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

    /** The unions above each card, root first (id, name, level: public), in one statement for all cards. */
    public List<List<UnionRef>> above(List<UnionCard> cards) {
        Map<Long, Ancestor> byId = ancestorsOf(cards);
        return cards.stream().map(c -> c.pathIds.subList(0, c.pathIds.size() - 1).stream().map(byId::get).filter(Objects::nonNull)
                .map(Ancestor::ref).toList()).toList();
    }

    /**
     * The administrative division of each card: its own region code, else the code of the nearest union
     * above that has one; null when none does or the code names no division. Two statements at most.
     */
    public List<Region> regions(List<UnionCard> cards) {
        boolean inherit = cards.stream().anyMatch(c -> c.regionCode == null);
        Map<Long, Ancestor> ancestors = inherit ? ancestorsOf(cards) : Map.of();
        List<String> codes = new ArrayList<>();
        for (UnionCard card : cards) {
            String code = card.regionCode;
            for (int i = card.pathIds.size() - 2; code == null && i >= 0; i--) {
                Ancestor above = ancestors.get(card.pathIds.get(i));
                code = above == null ? null : above.regionCode();
            }
            codes.add(code);
        }
        Map<String, Region> byCode = regions.byCodes(codes.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
        return codes.stream().map(code -> code == null ? null : byCode.get(code)).toList();
    }

    /** The card's location in the requested coordinate system (default: the request's); null when the union gave none. */
    public static GeoPoint location(UnionCard card, CoordinateSystem requested) {
        if (card.latitude == null || card.longitude == null) {
            return null;
        }
        return GeoPoint.of(card.latitude, card.longitude, requested == null ? card.requestSystem : requested);
    }

    /** What a card needs of a union above it: public, no entity loaded. */
    private record Ancestor(long id, String name, UnionLevel level, String regionCode) {

        UnionRef ref() {
            return new UnionRef(id, name, level);
        }
    }

    /** The unions above every card, in one statement. */
    @SuppressWarnings("unchecked")
    private static Map<Long, Ancestor> ancestorsOf(List<UnionCard> cards) {
        Set<Long> ids = new LinkedHashSet<>();
        for (UnionCard c : cards) {
            ids.addAll(c.pathIds.subList(0, c.pathIds.size() - 1));
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = TradeUnion.getEntityManager()
                .createNativeQuery("select id, name, level, region_code from trade_union where id = any(cast(:ids as bigint[]))")
                .setParameter("ids", SqlText.longArray(ids)).getResultList();
        return rows.stream().map(r -> new Ancestor(((Number) r[0]).longValue(), (String) r[1], UnionLevel.valueOf((String) r[2]), (String) r[3]))
                .collect(Collectors.toMap(Ancestor::id, Function.identity()));
    }
}
