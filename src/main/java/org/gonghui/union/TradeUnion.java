package org.gonghui.union;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.security.Subtree;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A union at any tier. Structural columns (parent, path, subtree size) are written only by the
 * hierarchy operations in {@link UnionService}, in SQL under the hierarchy lock; the entity itself
 * only ever updates descriptive columns, so a stale entity can never write back an old path.
 */
@Entity
@Table(name = "trade_union")
@Name("Union")
@Description("工会 (a trade union at any tier, from the national federation to a grassroots union)")
public class TradeUnion extends PanacheEntityBase {

    /** Advisory lock key that serializes every change to the shape of the hierarchy. */
    static final long HIERARCHY_LOCK = 0x676f6e67L;

    @jakarta.persistence.Id
    @Id
    @NonNull
    @Description("Stable id of the union.")
    public Long id;

    @Ignore
    @Column(name = "parent_id", updatable = false)
    public Long parentId;

    @Ignore
    @Column(updatable = false)
    public String path;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    @Description("层级 (tier). Fixed at creation.")
    public UnionLevel level;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("类型 (kind); fits the level.")
    public UnionKind kind;

    @NonNull
    @Column(name = "new_employment_form")
    @Description("新就业形态工会 (a union of new-employment-form workers: couriers, riders, ride-hailing drivers...): flagged at creation; always true for PLATFORM unions.")
    public boolean newEmploymentForm;

    @Enumerated(EnumType.STRING)
    @Column(name = "formation_mode")
    @Description("建会模式 (how a grassroots union was formed); null for other levels or when unknown.")
    public FormationMode formationMode;

    @NonNull
    @Description("全称 (full name), e.g. 洛阳市总工会.")
    public String name;

    @Column(name = "short_name")
    @Description("简称 (short name), e.g. 洛阳市总.")
    public String shortName;

    @Column(name = "region_code")
    @Description("行政区划代码 (GB/T 2260, six digits). Provincial and city unions always have one; development zones and many grassroots unions have none.")
    public String regionCode;

    @Column(name = "established_on")
    @Description("成立日期 (date the union was established).")
    public LocalDate establishedOn;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("状态 (life-cycle status).")
    public UnionStatus status;

    @Column(name = "dissolved_on")
    @Description("撤销日期 (date the union was dissolved); null unless DISSOLVED.")
    public LocalDate dissolvedOn;

    @Column(name = "dissolution_reason")
    @Description("撤销原因 (reason given when the union was dissolved).")
    public String dissolutionReason;

    @Column(name = "chair_name")
    @Description("主席 (name of the chair).")
    public String chairName;

    @Column(name = "chair_term_end")
    @Description("本届任期届满日期 (end of the chair's term; re-election is due by then).")
    public LocalDate chairTermEnd;

    @Column(name = "host_employer_name")
    @Description("所在单位 (host employer) for enterprise, platform and other single-employer unions.")
    public String hostEmployerName;

    @Column(name = "host_employer_credit_code")
    @Description("所在单位统一社会信用代码 (host employer's unified social credit code, GB 32100, 18 characters).")
    public String hostEmployerCreditCode;

    @Description("地址 (street address of the union's office), shown on its public card.")
    public String address;

    @Column(name = "office_phone")
    @Description("办公电话 (office phone). Shown on the public card only when publishOfficePhone is true.")
    public String officePhone;

    @NonNull
    @Column(name = "publish_office_phone")
    @Description("公开办公电话 (whether findUnions shows the office phone): the union's officials decide with updateUnion; false until they do.")
    public boolean publishOfficePhone;

    @Ignore
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "opening_hours", columnDefinition = "text[]")
    public String[] openingPeriods = new String[0];

    @Ignore
    public Double latitude;

    @Ignore
    public Double longitude;

    @NonNull
    @Column(name = "descendant_count", insertable = false, updatable = false)
    @Description("下级工会总数 (number of unions anywhere below this one, every status).")
    public int descendantCount;

    @NonNull
    @Version
    @Description("Version for optimistic locking: pass the value you read to updateUnion, moveUnion and dissolveUnion; a stale value is CONFLICT.")
    public int version;

    @NonNull
    @Column(name = "updated_at")
    @Description("When the union's record last changed.")
    public OffsetDateTime updatedAt;

    @NonNull
    @Description("开放时间 (opening hours of the office), by day and opening time; empty when not given.")
    public List<@NonNull OpeningHours> getOpeningHours() {
        return OpeningHours.read(openingPeriods);
    }

    /** Where a union sits: enough to scope a caller. */
    public record Placement(UnionLevel level, String path, UnionStatus status) {
    }

    /** The fields an audit record compares, by their API names; values as text. */
    Map<String, String> auditedFields() {
        Map<String, String> fields = new HashMap<>();
        put(fields, "parentId", parentId);
        put(fields, "level", level);
        put(fields, "kind", kind);
        put(fields, "newEmploymentForm", newEmploymentForm);
        put(fields, "formationMode", formationMode);
        put(fields, "name", name);
        put(fields, "shortName", shortName);
        put(fields, "regionCode", regionCode);
        put(fields, "establishedOn", establishedOn);
        put(fields, "status", status);
        put(fields, "dissolvedOn", dissolvedOn);
        put(fields, "dissolutionReason", dissolutionReason);
        put(fields, "chairName", chairName);
        put(fields, "chairTermEnd", chairTermEnd);
        put(fields, "hostEmployerName", hostEmployerName);
        put(fields, "hostEmployerCreditCode", hostEmployerCreditCode);
        put(fields, "address", address);
        put(fields, "officePhone", officePhone);
        if (publishOfficePhone) {
            fields.put("publishOfficePhone", "true");
        }
        if (openingPeriods != null && openingPeriods.length > 0) {
            fields.put("openingHours", String.join(", ", openingPeriods));
        }
        put(fields, "latitude", latitude);
        put(fields, "longitude", longitude);
        return fields;
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }

    /** Ids on this union's path, root first, this union last. */
    public List<Long> pathIds() {
        return idsOf(path);
    }

    static List<Long> idsOf(String path) {
        List<Long> ids = new ArrayList<>();
        for (String label : path.split("/")) {
            if (!label.isEmpty()) {
                ids.add(Long.valueOf(label));
            }
        }
        return ids;
    }

    /** The parent's path, derived from this union's own path. */
    public String parentPath() {
        if (parentId == null) {
            return null;
        }
        return path.substring(0, path.length() - 1 - String.valueOf(id).length());
    }

    /** Placement of one union by plain JDBC: used while authenticating, before any request context exists. */
    public static Optional<Placement> placementOf(DataSource dataSource, long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select level, path, status from trade_union where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Placement(UnionLevel.valueOf(rs.getString(1)), rs.getString(2), UnionStatus.valueOf(rs.getString(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read union " + id, e);
        }
    }

    /**
     * The union that takes workers of an area whose employer has no union: the area's ACTIVE community
     * union, else its ACTIVE joint union (lowest id first).
     */
    public static Optional<TradeUnion> findCommunityUnion(String regionCode) {
        return find("level = ?1 and status = ?2 and kind in ?3 and regionCode = ?4 order by case when kind = ?5 then 0 else 1 end, id",
                UnionLevel.GRASSROOTS, UnionStatus.ACTIVE, List.of(UnionKind.COMMUNITY, UnionKind.JOINT), regionCode, UnionKind.COMMUNITY)
                .firstResultOptional();
    }

    /** The unions with these ids, in any order; one statement. */
    public static List<TradeUnion> listByIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * One page of the unions in the subtree at {@code basePath} matching the filter, in tree order
     * (by path), starting after the union {@code afterId}; fetches {@code limit} rows.
     */
    static List<TradeUnion> findPage(UnionQuery query, Long afterId, int limit) {
        StringBuilder where = new StringBuilder(query.where());
        // a copy: Parameters.and adds to the query's own parameters, which its totalCount binds afterwards
        Map<String, Object> params = new HashMap<>(query.parameters().map());
        if (afterId != null) {
            where.append(" and path > (select a.path from TradeUnion a where a.id = :after)");
            params.put("after", afterId);
        }
        return find(where.toString(), Sort.by("path"), params).range(0, limit - 1).list();
    }

    static long countMatching(UnionQuery query) {
        return count(query.where(), query.parameters());
    }

    /** For each parent, its first {@code limit} children in id order after {@code afterId}, in one statement. */
    @SuppressWarnings("unchecked")
    static List<TradeUnion> findChildPages(Collection<Long> parentIds, Long afterId, int limit) {
        if (parentIds.isEmpty() || limit == 0) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("""
                select c.* from trade_union p cross join lateral (
                    select * from trade_union c where c.parent_id = p.id and c.id > :after order by c.id limit :limit) c
                where p.id in (:ids)""", TradeUnion.class)
                .setParameter("after", afterId == null ? 0L : afterId)
                .setParameter("limit", limit)
                .setParameter("ids", parentIds)
                .getResultList();
    }

    /** Number of children of each parent, in one statement. */
    static Map<Long, Long> countChildren(Collection<Long> parentIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!parentIds.isEmpty()) {
            List<Object[]> rows = getEntityManager()
                    .createQuery("select u.parentId, count(u) from TradeUnion u where u.parentId in :ids group by u.parentId",
                            Object[].class)
                    .setParameter("ids", parentIds)
                    .getResultList();
            for (Object[] row : rows) {
                counts.put((Long) row[0], (Long) row[1]);
            }
        }
        return counts;
    }

    static boolean hasOpenChildren(long id) {
        return count("parentId = ?1 and status in ?2", id, List.of(UnionStatus.PREPARING, UnionStatus.ACTIVE)) > 0;
    }

    /** Region codes in a subtree that lie outside an area (a code prefix). */
    static long countRegionCodesOutside(Subtree subtree, String areaPrefix) {
        return count(subtree.covers(null) + " and regionCode is not null and regionCode not like :area",
                subtree.panacheParameters().and("area", areaPrefix + "%"));
    }

    /** Serializes hierarchy changes (create, move, dissolve) until the transaction ends. */
    static void lockHierarchy() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(:key)")
                .setParameter("key", HIERARCHY_LOCK)
                .getSingleResult();
    }

    static long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('trade_union_id_seq')").getSingleResult())
                .longValue();
    }

    /** Adds {@code delta} to the subtree size of each listed union. */
    static void adjustDescendantCounts(Collection<Long> ids, int delta) {
        if (!ids.isEmpty() && delta != 0) {
            getEntityManager().createNativeQuery(
                    "update trade_union set descendant_count = descendant_count + :delta where id in (:ids)")
                    .setParameter("delta", delta)
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    /**
     * Re-parents a union and rewrites the paths of its whole subtree. Returns false when the union's
     * version is no longer {@code expectedVersion}.
     */
    static boolean moveSubtree(TradeUnion union, Subtree moved, TradeUnion newParent, int expectedVersion) {
        int updated = getEntityManager().createNativeQuery("""
                update trade_union set parent_id = :parent, version = version + 1, updated_at = now()
                 where id = :id and version = :version""")
                .setParameter("parent", newParent.id)
                .setParameter("id", union.id)
                .setParameter("version", expectedVersion)
                .executeUpdate();
        if (updated == 0) {
            return false;
        }
        String oldPrefix = union.path;
        String newPrefix = newParent.path + union.id + "/";
        moved.bind(getEntityManager().createNativeQuery("""
                update trade_union set path = :newPrefix || substr(path, length(:oldPrefix) + 1)
                 where\s""" + moved.covers(null)))
                .setParameter("newPrefix", newPrefix)
                .setParameter("oldPrefix", oldPrefix)
                .executeUpdate();
        return true;
    }
}
