package org.gonghui.site;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.geo.CoordinateSystem;
import org.gonghui.geo.Coordinates;
import org.gonghui.geo.GeoArea;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.Versions;
import org.gonghui.support.paging.Page;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionRef;

/**
 * Service sites: the public nearest-site search of the mobile apps, and the sites officials keep for
 * their subtree. Positions are stored in WGS-84; GCJ-02 input is converted on the way in, and results
 * are returned in the coordinate system the caller used.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SiteService {

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    public NearbySiteConnection nearest(double latitude, double longitude, CoordinateSystem system, double radiusKm, List<SiteKind> kinds,
            PageRequest<Double> page) {
        GeoArea area = GeoArea.of("", latitude, longitude, system, radiusKm);
        CoordinateSystem cs = area.system();
        Page<ServiceSite.Candidate> found = page.page(ServiceSite.findNearest(area, kinds, page.afterValue(), page.afterId(), page.rowsToFetch()),
                ServiceSite.Candidate::distanceKm, ServiceSite.Candidate::id, null);
        Map<Long, ServiceSite> byId = ServiceSite.listByIds(found.rows().stream().map(ServiceSite.Candidate::id).toList()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        return new NearbySiteConnection(found, found.edges((c, cursor) -> new NearbySiteConnection.NearbySiteEdge(byId.get(c.id()), c.distanceKm(), cs, cursor)));
    }

    public ServiceSite get(long id) {
        return visible(id);
    }

    public SiteConnection list(SiteInputs.Filter filter, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(filter == null ? null : filter.unionId, "filter.unionId");
        StringBuilder where = new StringBuilder(subtree.hqlUnionIdIn("unionId"));
        Map<String, Object> params = subtree.parameters();
        if (filter != null && filter.kinds != null && !filter.kinds.isEmpty()) {
            where.append(" and kind in :kinds");
            params.put("kinds", filter.kinds);
        }
        if (filter != null && filter.status != null) {
            where.append(" and status = :status");
            params.put("status", filter.status);
        }
        if (page.afterId() != null) {
            where.append(" and id > :after");
            params.put("after", page.afterId());
        }
        return new SiteConnection(page.page(ServiceSite.find(where + " order by id", params).range(0, page.rowsToFetch() - 1).list(), s -> s.id, null));
    }

    /** The host union of each site (id, name, level: public information), in one statement. */
    public List<UnionRef> hosts(List<ServiceSite> sites) {
        Map<Long, TradeUnion> byId = TradeUnion.listByIds(sites.stream().map(s -> s.unionId).collect(Collectors.toCollection(LinkedHashSet::new)))
                .stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
        return sites.stream().map(s -> new UnionRef(byId.get(s.unionId))).toList();
    }

    @Transactional
    public ServiceSite create(SiteInputs.Create input) {
        TradeUnion host = scope.union(input.unionId, "unionId");
        ServiceSite site = new ServiceSite();
        site.unionId = host.id;
        site.kind = input.kind;
        site.name = Text.name("name", input.name, 200, true);
        site.address = Text.line("address", input.address, 300, false);
        Coordinates.LatLon wgs = GeoArea.position("latitude", input.latitude, input.longitude, input.coordinateSystem);
        site.latitude = wgs.lat();
        site.longitude = wgs.lon();
        site.amenities = amenities(input.amenities);
        site.openingHours = Text.line("openingHours", input.openingHours, 200, false);
        site.starRating = rating(input.starRating);
        site.status = SiteStatus.OPEN;
        site.updatedAt = OffsetDateTime.now();
        site.persist();
        site.flush();
        audit.record("createServiceSite", "ServiceSite", site.id, host.id, host.path, Map.of(), site.auditedFields());
        return site;
    }

    @Transactional
    public ServiceSite update(SiteInputs.Update input) {
        ServiceSite site = visible(input.id);
        Versions.check("site", site.id, site.version, input.version);
        Map<String, String> before = site.auditedFields();
        if (input.name != null) {
            site.name = Text.name("name", input.name, 200, true);
        }
        if (input.address != null) {
            site.address = Text.line("address", input.address, 300, false);
        }
        if ((input.latitude == null) != (input.longitude == null)) {
            throw new ValidationException("latitude: 纬度和经度须同时提供 (give latitude and longitude together)");
        }
        if (input.latitude != null) {
            Coordinates.LatLon wgs = GeoArea.position("latitude", input.latitude, input.longitude, input.coordinateSystem);
            site.latitude = wgs.lat();
            site.longitude = wgs.lon();
        }
        if (input.amenities != null) {
            site.amenities = amenities(input.amenities);
        }
        if (input.openingHours != null) {
            site.openingHours = Text.line("openingHours", input.openingHours, 200, false);
        }
        if (input.starRating != null) {
            site.starRating = rating(input.starRating);
        }
        if (input.status != null) {
            site.status = input.status;
        }
        site.updatedAt = OffsetDateTime.now();
        site.flush();
        TradeUnion host = TradeUnion.findById(site.unionId);
        audit.record("updateServiceSite", "ServiceSite", site.id, host.id, host.path, before, site.auditedFields());
        return site;
    }

    private ServiceSite visible(Long id) {
        ServiceSite site = scope.ifVisible(id == null ? null : ServiceSite.<ServiceSite>findById(id), s -> s.unionId);
        if (site == null) {
            throw new NotFoundException("id: 服务阵地不存在 — no service site " + id + " in your scope");
        }
        return site;
    }

    private static String[] amenities(Collection<Amenity> amenities) {
        return amenities == null ? new String[0] : new LinkedHashSet<>(amenities).stream().map(Enum::name).toArray(String[]::new);
    }

    private static Integer rating(Integer stars) {
        if (stars != null && (stars < 1 || stars > 5)) {
            throw new ValidationException("starRating: 星级为 1 至 5 (1 to 5), got " + stars);
        }
        return stars;
    }
}
