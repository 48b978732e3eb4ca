package org.gonghui.union;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gonghui.geo.GeoArea;
import org.gonghui.region.Region;
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
            + Subtree.column("u") + ", u.latitude, u.longitude";

    /**
     * The unions above each card of the page ({@code c}), root first, as parallel arrays, and the nearest region code
     * among them (for a card without one of its own): each by its primary key, for the page's rows only.
     */
    private static final String ABOVE = "left join lateral (select array_agg(x.id order by x.n) as above_ids,"
            + " array_agg(x.name order by x.n) as above_names, array_agg(x.level order by x.n) as above_levels,"
            + " (array_agg(x.region_code order by x.n desc) filter (where x.region_code is not null))[1] as inherited_region_code"
            + " from (select a.id, a.name, a.level, a.region_code, p.n from unnest(" + Subtree.sqlIdsAbove("c")
            + ") with ordinality as p(id, n) join trade_union a on a.id = p.id) x) above on true"
            // a lateral with a limit, so that the region is found by its key per row: as a plain join the planner hashed the whole table
            + " left join lateral (select r.code, r.name, r.level, r.parent_code, r.retired from region r"
            + " where r.code = coalesce(c.region_code, above.inherited_region_code) limit 1) r on true";

    private static final String CARD = "select c.id, c.name, c.short_name, c.kind, c.host_employer_name, c.address, c.office_phone,"
            + " c.opening_hours, c.latitude, c.longitude, c.distance_km, above.above_ids, above.above_names, above.above_levels,"
            + " r.code as region_code, r.name as region_name, r.level as region_level, r.parent_code as region_parent_code,"
            + " r.retired as region_retired from (";

    /**
     * One page of cards (with distances, when near), in the list's order, after the given position, each with the
     * unions above it and its region (its own code, else the nearest one above): one statement.
     */
    @SuppressWarnings("unchecked")
    List<Candidate> page(Double afterKm, Long afterId, int limit) {
        String sql;
        if (area == null) {
            sql = CARD + "select " + CARD_COLUMNS + ", cast(null as double precision) as distance_km from trade_union u where " + where
                    + (afterId == null ? "" : " and u.id > :afterId") + " order by u.id limit :limit) c " + ABOVE + " order by c.id";
        } else {
            sql = CARD + "select * from (select " + CARD_COLUMNS + ", " + GeoArea.distanceKmSql("u") + " as distance_km from trade_union u where "
                    + where + ") n where distance_km <= :radius" + (afterId == null ? "" : " and (distance_km, id) > (:afterKm, :afterId)")
                    + " order by distance_km, id limit :limit) c " + ABOVE + " order by c.distance_km, c.id";
        }
        var query = TradeUnion.getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("id", Long.class).addScalar("name", String.class).addScalar("short_name", String.class)
                .addScalar("kind", String.class).addScalar("host_employer_name", String.class).addScalar("address", String.class)
                .addScalar("office_phone", String.class).addScalar("opening_hours", String[].class)
                .addScalar("latitude", Double.class).addScalar("longitude", Double.class).addScalar("distance_km", Double.class)
                .addScalar("above_ids", Long[].class).addScalar("above_names", String[].class).addScalar("above_levels", String[].class)
                .addScalar("region_code", String.class).addScalar("region_name", String.class).addScalar("region_level", String.class)
                .addScalar("region_parent_code", String.class).addScalar("region_retired", Boolean.class);
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

    /**
     * A union of the list: its public card's columns, its distance from the point (null without one), the unions
     * above it (root first) and its region (null when neither it nor a union above has a code naming a division).
     */
    record Candidate(long id, String name, String shortName, UnionKind kind, String hostEmployerName, String address, String publishedPhone,
            String[] openingPeriods, Double latitude, Double longitude, Double distanceKm, List<UnionRef> above, Region region) {

        static Candidate of(Object[] row) {
            return new Candidate((Long) row[0], (String) row[1], (String) row[2], UnionKind.valueOf((String) row[3]), (String) row[4],
                    (String) row[5], (String) row[6], (String[]) row[7], (Double) row[8], (Double) row[9], (Double) row[10],
                    above((Long[]) row[11], (String[]) row[12], (String[]) row[13]),
                    row[14] == null ? null : Region.of((String) row[14], (String) row[15], (String) row[16], (String) row[17], (Boolean) row[18]));
        }

        private static List<UnionRef> above(Long[] ids, String[] names, String[] levels) {
            if (ids == null) {
                return List.of();
            }
            List<UnionRef> above = new ArrayList<>(ids.length);
            for (int i = 0; i < ids.length; i++) {
                above.add(new UnionRef(ids[i], names[i], UnionLevel.valueOf(levels[i])));
            }
            return above;
        }
    }
}
