package org.gonghui.region;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An administrative division (GB/T 2260 code and name): public reference data, loaded and updated only
 * by the repeatable migration {@code R__regions.sql}; the API never writes it.
 */
@Entity
@Table(name = "region")
@Name("Region")
@Description("行政区划 (an administrative division: GB/T 2260 code and name); public reference data")
public class Region extends PanacheEntityBase {

    @jakarta.persistence.Id
    @NonNull
    @Description("行政区划代码 (six-digit GB/T 2260 code), e.g. 410308.")
    public String code;

    @NonNull
    @Description("名称 (name), e.g. 孟津区.")
    public String name;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("层级 (level).")
    public RegionLevel level;

    @Column(name = "parent_code")
    @Description("上级行政区划代码 (code of the division above); null for provinces. Counties of municipalities and province-administered "
            + "county-level cities hang directly under the province.")
    public String parentCode;

    @NonNull
    @Description("已撤销 (retired): the code is no longer published (e.g. 吉利区 410306, merged into 孟津区 in 2021). Unions that hold it keep it; "
            + "new unions and applications must use a current code.")
    public boolean retired;

    /** A division as read with another row (not a managed entity: read-only use, e.g. a union card's region). */
    public static Region of(String code, String name, String level, String parentCode, boolean retired) {
        Region region = new Region();
        region.code = code;
        region.name = name;
        region.level = RegionLevel.valueOf(level);
        region.parentCode = parentCode;
        region.retired = retired;
        return region;
    }

    /** The divisions directly below {@code parentCode} (provinces when null), in code order, after {@code afterCode}. */
    static List<Region> findChildren(String parentCode, boolean includeRetired, String afterCode, int limit) {
        StringBuilder where = new StringBuilder(parentCode == null ? "parentCode is null" : "parentCode = :parent");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (parentCode != null) {
            params.and("parent", parentCode);
        }
        if (!includeRetired) {
            where.append(" and retired = false");
        }
        if (afterCode != null) {
            where.append(" and code > :after");
            params.and("after", afterCode);
        }
        return find(where + " order by code", params).range(0, limit - 1).list();
    }
}
