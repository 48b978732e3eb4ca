package org.gonghui.union;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gonghui.geo.GeoArea;
import org.gonghui.region.Regions;
import org.gonghui.security.Subtree;
import org.gonghui.support.SqlText;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.hibernate.query.NativeQuery;

/**
 * The public union directory's conditions as native SQL over {@code trade_union u}: always the public
 * predicate (ACTIVE grassroots unions of the kinds that take applications), which every index of the
 * directory is partial on (V22), plus the filter's conditions; {@code area} is set when a point was given.
 */
record PublicUnionQuery(String where, Map<String, Object> params, GeoArea area) {

    /**
     * The kinds a worker applies to, in the order the partial indexes (V22) list them: enterprise unions,
     * platform companies' unions among them (a rider finds the platform's), joint, community and industry unions.
     */
    static final Set<UnionKind> PUBLIC_KINDS = EnumSet.of(UnionKind.ENTERPRISE, UnionKind.PLATFORM, UnionKind.JOINT, UnionKind.COMMUNITY,
            UnionKind.INDUSTRY_FEDERATION);

    /** The predicate of the partial indexes, literally (the planner matches an index predicate by its text). */
    static final String PUBLIC = "u.status = 'ACTIVE' and u.level = 'GRASSROOTS' and u.kind in ('ENTERPRISE', 'PLATFORM', 'JOINT', 'COMMUNITY', 'INDUSTRY_FEDERATION')";

    static PublicUnionQuery of(FindUnionsFilter filter) {
        StringBuilder where = new StringBuilder(PUBLIC);
        Map<String, Object> params = new HashMap<>();
        GeoArea area = null;
        if (filter != null) {
            if (filter.kinds != null && !filter.kinds.isEmpty()) {
                List<UnionKind> other = filter.kinds.stream().filter(k -> !PUBLIC_KINDS.contains(k)).toList();
                if (!other.isEmpty()) {
                    throw new ValidationException("filter.kinds: 只能查找接受入会申请的工会类型 — findUnions lists ENTERPRISE, PLATFORM, JOINT, COMMUNITY and "
                            + "INDUSTRY_FEDERATION unions, not " + other.stream().map(Enum::name).collect(Collectors.joining(", ")));
                }
                where.append(" and u.kind = any(cast(:kinds as text[]))");
                params.put("kinds", SqlText.textArray(filter.kinds.stream().map(Enum::name).distinct().toList()));
            }
            String name = Text.name("filter.nameContains", filter.nameContains, 100, false);
            if (name != null) {
                // the grams index finds the candidates; strpos (not LIKE, which the planner would also try on the trigram index) checks them
                where.append(" and gonghui_name_grams(u.name) @> cast(:nameGrams as text[]) and strpos(u.name, :nameText) > 0");
                params.put("nameGrams", SqlText.textArray(SqlText.grams(name)));
                params.put("nameText", name);
            }
            String employer = Text.name("filter.employerName", filter.employerName, 200, false);
            if (employer != null) {
                where.append(" and gonghui_name_grams(u.host_employer_name) @> cast(:employerGrams as text[])"
                        + " and strpos(u.host_employer_name, :employerText) > 0");
                params.put("employerGrams", SqlText.textArray(SqlText.grams(employer)));
                params.put("employerText", employer);
            }
            if (filter.regionCode != null) {
                String code = Regions.code("filter.regionCode", filter.regionCode);
                String prefix = code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4) : code;
                // its own code in the area, or below a federation (province, city, county) whose code is in the area. The bounds are six
                // validated digits, written into the statement: a generic plan cannot estimate a bound range and would scan the table.
                String from = (prefix + "000000").substring(0, 6);
                String to = (prefix + "999999").substring(0, 6);
                String bounds = " between '" + from + "' and '" + to + "'";
                where.append(" and u.id = any(array(select x.id from trade_union x where x.region_code").append(bounds)
                        .append(" union all select d.id from trade_union r join trade_union d on ").append(Subtree.sqlWithinByRange("d", "r"))
                        .append(" where r.level in ('PROVINCIAL', 'CITY', 'COUNTY') and r.region_code").append(bounds).append("))");
            }
            if (filter.near != null) {
                FindUnionsFilter.Near near = filter.near;
                area = GeoArea.of("filter.near.", near.latitude, near.longitude, near.coordinateSystem, near.radiusKm);
                where.append(" and ").append(GeoArea.inBoxSql("u"));
            }
        }
        return new PublicUnionQuery(where.toString(), params, area);
    }

    /**
     * The card columns of {@code trade_union u}, read with the page in the same statement (no entity is loaded:
     * a card is public data only, and hydrating the wide union rows was most of findUnions' work).
     */
    private static final String CARD_COLUMNS = "u.id, u.name, u.short_name, u.kind, u.host_employer_name, u.address,"
            + " case when u.publish_office_phone then u.office_phone end as office_phone, u.opening_hours, u.region_code, "
            + Subtree.column("u") + " as chain, u.latitude, u.longitude";

    /** One page of cards (with distances, when near), in the list's order, after the given position; one statement. */
    @SuppressWarnings("unchecked")
    List<Candidate> page(Double afterKm, Long afterId, int limit) {
        String sql;
        if (area == null) {
            sql = "select " + CARD_COLUMNS + ", cast(null as double precision) as distance_km from trade_union u where " + where
                    + (afterId == null ? "" : " and u.id > :afterId") + " order by u.id limit :limit";
        } else {
            sql = "select * from (select " + CARD_COLUMNS + ", " + GeoArea.distanceKmSql("u") + " as distance_km from trade_union u where " + where
                    + ") c where distance_km <= :radius" + (afterId == null ? "" : " and (distance_km, id) > (:afterKm, :afterId)")
                    + " order by distance_km, id limit :limit";
        }
        var query = TradeUnion.getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("id", Long.class).addScalar("name", String.class).addScalar("short_name", String.class)
                .addScalar("kind", String.class).addScalar("host_employer_name", String.class).addScalar("address", String.class)
                .addScalar("office_phone", String.class).addScalar("opening_hours", String[].class).addScalar("region_code", String.class)
                .addScalar("chain", String.class).addScalar("latitude", Double.class).addScalar("longitude", Double.class)
                .addScalar("distance_km", Double.class);
        query.setParameter("limit", limit);
        bind(query);
        if (afterId != null) {
            query.setParameter("afterId", afterId);
            if (area != null) {
                query.setParameter("afterKm", afterKm);
            }
        }
        return ((List<Object[]>) query.getResultList()).stream().map(Candidate::of).toList();
    }

    /** How many unions the whole list holds; one statement. */
    long count() {
        String sql = "select count(*) from trade_union u where " + where + (area == null ? "" : " and " + GeoArea.distanceKmSql("u") + " <= :radius");
        var query = TradeUnion.getEntityManager().createNativeQuery(sql);
        bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    private void bind(jakarta.persistence.Query query) {
        params.forEach(query::setParameter);
        if (area != null) {
            area.bind(query);
        }
    }

    /** A union of the list: its public card's columns and its distance from the point (null without one). */
    record Candidate(long id, String name, String shortName, UnionKind kind, String hostEmployerName, String address, String publishedPhone,
            String[] openingPeriods, String regionCode, String path, Double latitude, Double longitude, Double distanceKm) {

        static Candidate of(Object[] row) {
            return new Candidate((Long) row[0], (String) row[1], (String) row[2], UnionKind.valueOf((String) row[3]), (String) row[4],
                    (String) row[5], (String) row[6], (String[]) row[7], (String) row[8], (String) row[9], (Double) row[10], (Double) row[11],
                    (Double) row[12]);
        }
    }
}
