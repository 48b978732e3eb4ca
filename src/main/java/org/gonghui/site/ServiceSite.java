package org.gonghui.site;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.gonghui.geo.GeoArea;

/** A service site run by a union: public information, shown on the mobile apps' map. */
@Entity
@Table(name = "service_site")
@Name("ServiceSite")
@Description("服务阵地 (a service site: outdoor workers' station, service centre, drivers' home ...); public information")
public class ServiceSite extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the site.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "union_id")
    @Description("Id of the host union.")
    public Long unionId;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("类型 (kind).")
    public SiteKind kind;

    @NonNull
    @Description("名称 (name).")
    public String name;

    @Description("地址 (street address).")
    public String address;

    @NonNull
    @Description("纬度 (latitude, WGS-84, degrees). For map SDKs that use GCJ-02 see `location`.")
    public double latitude;

    @NonNull
    @Description("经度 (longitude, WGS-84, degrees).")
    public double longitude;

    @Ignore
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] amenities = new String[0];

    @Column(name = "opening_hours")
    @Description("开放时间 (opening hours as the site states them), e.g. 每日 8:00-20:00.")
    public String openingHours;

    @Column(name = "star_rating")
    @Description("星级 (star rating, 1 to 5) given by the host union's federation; null if not rated.")
    public Integer starRating;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("OPEN, or CLOSED (kept for the record, never shown on the map).")
    public SiteStatus status;

    @NonNull
    @Version
    @Description("Version for optimistic locking: pass the value you read to updateServiceSite.")
    public int version;

    @Ignore
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @NonNull
    @Description("服务设施 (amenities).")
    public List<@NonNull Amenity> getAmenityList() {
        return Arrays.stream(amenities).map(Amenity::valueOf).toList();
    }

    Map<String, String> auditedFields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("unionId", String.valueOf(unionId));
        fields.put("kind", kind.name());
        fields.put("name", name);
        if (address != null) {
            fields.put("address", address);
        }
        fields.put("latitude", String.valueOf(latitude));
        fields.put("longitude", String.valueOf(longitude));
        fields.put("amenities", String.join(",", amenities));
        if (openingHours != null) {
            fields.put("openingHours", openingHours);
        }
        if (starRating != null) {
            fields.put("starRating", String.valueOf(starRating));
        }
        fields.put("status", status.name());
        return fields;
    }

    /** An open site within a bounding box, with its great-circle distance from a point. */
    record Candidate(long id, double distanceKm) {
    }

    /**
     * Open sites within the circle, nearest first (ties by id), after the given (distance, id), at most
     * {@code limit}. The bounding box of the radius is answered by the GiST index; only the sites inside
     * it are measured.
     */
    @SuppressWarnings("unchecked")
    static List<Candidate> findNearest(GeoArea area, List<SiteKind> kinds, Double afterKm, Long afterId, int limit) {
        StringBuilder sql = new StringBuilder("select id, distance_km from (\n  select s.id, " + GeoArea.distanceKmSql("s") + " as distance_km\n"
                + "    from service_site s\n   where s.status = 'OPEN' and " + GeoArea.inBoxSql("s"));
        if (kinds != null && !kinds.isEmpty()) {
            sql.append(" and s.kind = any(cast(:kinds as text[]))");
        }
        sql.append(") c where distance_km <= :radius");
        if (afterId != null) {
            sql.append(" and (distance_km, id) > (:afterKm, :afterId)");
        }
        sql.append(" order by distance_km, id limit :limit");
        var query = area.bind(getEntityManager().createNativeQuery(sql.toString())).setParameter("limit", limit);
        if (kinds != null && !kinds.isEmpty()) {
            query.setParameter("kinds", kinds.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(",", "{", "}")));
        }
        if (afterId != null) {
            query.setParameter("afterKm", afterKm).setParameter("afterId", afterId);
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new Candidate(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue())).toList();
    }

    static List<ServiceSite> listByIds(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
