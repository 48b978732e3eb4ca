package org.gonghui.union;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.geo.Coordinates;
import org.gonghui.geo.GeoArea;
import org.gonghui.region.Regions;
import org.gonghui.security.Caller;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ConflictException;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.Text;
import org.gonghui.support.ValidationException;
import org.gonghui.support.Versions;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.PageRequest;

/**
 * The hierarchy's rules: what a caller may see and change, and how the tree changes shape. Reads
 * run without a transaction; every write runs in one, and shape changes (create, move, dissolve)
 * take the hierarchy lock first, so two concurrent moves can never build a cycle.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class UnionService {

    /** totalCount of a filtered subtree: one count per list. */
    private static final Counter<UnionQuery> MATCHING = Counter.eachBy(TradeUnion::countMatching);

    /** totalCount of children: one grouped statement for the parents of a whole batch. */
    private static final Counter<Long> CHILDREN_OF = TradeUnion::countChildren;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    AuditLog audit;

    @Inject
    Event<SubtreeMoved> subtreeMoved;

    @Inject
    Event<UnionDissolved> unionDissolved;

    @Inject
    Regions regions;

    /** A union in the caller's subtree; NOT_FOUND otherwise, exactly as for a missing id. */
    public TradeUnion get(long id) {
        return get(id, "id");
    }

    /** The same, with the error naming the input field the id came from. */
    public TradeUnion get(long id, String field) {
        return scope.union(id, field);
    }

    public UnionConnection list(UnionFilter filter, PageRequest<Void> page) {
        Long under = filter == null ? null : filter.under;
        UnionQuery query = UnionQuery.of(scope.subtree(under, "filter.under"), under, filter);
        return new UnionConnection(page.page(TradeUnion.findPage(query, page.afterId(), page.rowsToFetch()), u -> u.id,
                new CountKey<>(MATCHING, query)));
    }

    /** Parents of the given unions, null where the parent lies outside the caller's subtree. */
    public List<TradeUnion> parents(List<TradeUnion> unions) {
        Subtree own = scope.subtree();
        Set<Long> ids = unions.stream().filter(u -> u.parentId != null && own.contains(u.parentPath()))
                .map(u -> u.parentId).collect(Collectors.toSet());
        Map<Long, TradeUnion> byId = byId(TradeUnion.listByIds(ids));
        return unions.stream().map(u -> ids.contains(u.parentId) ? byId.get(u.parentId) : null).toList();
    }

    /** Breadcrumbs (root first, the union itself excluded) of the given unions, in one query. */
    public List<List<UnionRef>> ancestors(List<TradeUnion> unions) {
        Set<Long> ids = new LinkedHashSet<>();
        for (TradeUnion u : unions) {
            List<Long> path = u.pathIds();
            ids.addAll(path.subList(0, path.size() - 1));
        }
        Map<Long, TradeUnion> byId = byId(TradeUnion.listByIds(ids));
        return unions.stream().map(u -> {
            List<Long> path = u.pathIds();
            return path.subList(0, path.size() - 1).stream().map(byId::get).filter(Objects::nonNull).map(UnionRef::new).toList();
        }).toList();
    }

    /** A page of children for each given union, in one query. */
    public List<UnionConnection> children(List<TradeUnion> unions, PageRequest<Void> page) {
        List<Long> ids = unions.stream().map(u -> u.id).toList();
        Map<Long, List<TradeUnion>> byParent = new HashMap<>();
        for (TradeUnion child : TradeUnion.findChildPages(ids, page.afterId(), page.rowsToFetch())) {
            byParent.computeIfAbsent(child.parentId, k -> new ArrayList<>()).add(child);
        }
        return unions.stream().map(u -> new UnionConnection(page.page(byParent.getOrDefault(u.id, List.of()), c -> c.id,
                new CountKey<>(CHILDREN_OF, u.id)))).toList();
    }

    /** Total counts of the given connections: one grouped query for all children connections, one count per filtered subtree. */
    public List<Integer> totalCounts(List<UnionConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    @Transactional
    public TradeUnion create(CreateUnionInput input) {
        TradeUnion.lockHierarchy();
        TradeUnion parent = scope.union(input.parentId, "parentId");
        UnionStatus status = input.status == null ? UnionStatus.ACTIVE : input.status;
        UnionRules.checkPlacement("parentId", input.level, parent);
        UnionRules.checkKind(input.level, input.kind);
        UnionRules.checkFormationMode(input.level, input.formationMode);
        UnionRules.checkInitialStatus(status);

        TradeUnion union = new TradeUnion();
        union.level = input.level;
        union.kind = input.kind;
        union.formationMode = input.formationMode;
        union.newEmploymentForm = newEmploymentForm(input.kind, input.newEmploymentForm, false);
        union.name = Text.name("name", input.name, 200, true);
        union.shortName = Text.name("shortName", input.shortName, 50, false);
        union.regionCode = Text.line("regionCode", input.regionCode, 6, false);
        UnionRules.checkRegion(union.level, union.regionCode, areaBelow(parent));
        if (union.regionCode != null) {
            regions.requireCurrent("regionCode", union.regionCode);
        }
        union.establishedOn = input.establishedOn;
        UnionRules.checkNotFuture("establishedOn", union.establishedOn);
        union.status = status;
        union.chairName = Text.name("chairName", input.chairName, 50, false);
        union.chairTermEnd = input.chairTermEnd;
        union.hostEmployerName = Text.name("hostEmployerName", input.hostEmployerName, 200, false);
        union.hostEmployerCreditCode = Text.line("hostEmployerCreditCode", input.hostEmployerCreditCode, 18, false);
        UnionRules.checkHostEmployer(union.kind, union.hostEmployerName, union.hostEmployerCreditCode);
        applyPublicCard(union, input);

        union.id = TradeUnion.nextId();
        union.parentId = parent.id;
        union.path = parent.path + union.id + "/";
        union.updatedAt = OffsetDateTime.now();
        union.persist();
        TradeUnion.adjustDescendantCounts(parent.pathIds(), 1);
        audit.record("createUnion", "Union", union.id, union.id, union.path, Map.of(), union.auditedFields());
        return union;
    }

    @Transactional
    public TradeUnion update(UpdateUnionInput input) {
        TradeUnion union = scope.union(input.id, "id");
        checkVersion(union, input.version);
        Map<String, String> before = union.auditedFields();
        String structural = input.kind != null && input.kind != union.kind ? "kind"
                : input.status != null && input.status != union.status ? "status"
                : input.newEmploymentForm != null && input.newEmploymentForm != union.newEmploymentForm ? "newEmploymentForm"
                : input.regionCode != null && !Objects.equals(blankToNull(input.regionCode), union.regionCode) ? "regionCode"
                : null;
        if (structural != null && union.id.equals(caller.official().unionId())) {
            throw new ForbiddenException(structural + ": 本级工会的类型、状态、新就业形态标识和行政区划须由上级工会修改 — kind, status, the new-employment-form flag and region code of your own union are changed by the union above");
        }
        if (input.name != null) {
            union.name = Text.name("name", input.name, 200, true);
        }
        if (input.shortName != null) {
            union.shortName = Text.name("shortName", input.shortName, 50, false);
        }
        if (input.kind != null) {
            UnionRules.checkKind(union.level, input.kind);
            union.kind = input.kind;
        }
        if (input.kind != null || input.newEmploymentForm != null) {
            union.newEmploymentForm = newEmploymentForm(union.kind, input.newEmploymentForm, union.newEmploymentForm);
        }
        if (input.formationMode != null) {
            UnionRules.checkFormationMode(union.level, input.formationMode);
            union.formationMode = input.formationMode;
        }
        if (input.regionCode != null && !Objects.equals(blankToNull(input.regionCode), union.regionCode)) {
            String code = Text.line("regionCode", input.regionCode, 6, false);
            TradeUnion parent = union.parentId == null ? null : TradeUnion.findById(union.parentId);
            UnionRules.checkRegion(union.level, code, parent == null ? "" : areaBelow(parent));
            if (code != null) {
                regions.requireCurrent("regionCode", code);
            }
            String area = UnionRules.areaOf(union.level, code);
            if (code != null && TradeUnion.countRegionCodesOutside(scope.subtreeOf(union, "id"), area) > 0) {
                throw new ValidationException("regionCode: 下级工会的行政区划不在新辖区内 — unions below have region codes outside " + code);
            }
            union.regionCode = code;
        }
        if (input.establishedOn != null) {
            UnionRules.checkNotFuture("establishedOn", input.establishedOn);
            union.establishedOn = input.establishedOn;
        }
        if (input.status != null && input.status != union.status) {
            if (!input.status.isOpen() || !union.status.isOpen()) {
                throw new ValidationException("status: only PREPARING and ACTIVE can be set here — use dissolveUnion to dissolve; "
                        + union.status + " unions stay so");
            }
            union.status = input.status;
        }
        if (input.chairName != null) {
            union.chairName = Text.name("chairName", input.chairName, 50, false);
        }
        if (input.chairTermEnd != null) {
            union.chairTermEnd = input.chairTermEnd;
        }
        if (input.hostEmployerName != null) {
            union.hostEmployerName = Text.name("hostEmployerName", input.hostEmployerName, 200, false);
        }
        if (input.hostEmployerCreditCode != null) {
            union.hostEmployerCreditCode = Text.line("hostEmployerCreditCode", input.hostEmployerCreditCode, 18, false);
        }
        UnionRules.checkHostEmployer(union.kind, union.hostEmployerName, union.hostEmployerCreditCode);
        applyPublicCard(union, input);
        union.updatedAt = OffsetDateTime.now();
        TradeUnion.flush();
        audit.record("updateUnion", "Union", union.id, union.id, union.path, before, union.auditedFields());
        return union;
    }

    /**
     * The fields of the union's public card, at creation and on update alike: descriptive, so the union's
     * own officials set them; omitted fields stay as they are.
     */
    private static void applyPublicCard(TradeUnion union, UnionCardFields input) {
        if (input.address != null) {
            union.address = Text.line("address", input.address, 300, false);
        }
        if (input.officePhone != null) {
            union.officePhone = UnionRules.officePhone("officePhone", input.officePhone);
        }
        if (input.publishOfficePhone != null) {
            union.publishOfficePhone = input.publishOfficePhone;
        }
        if (input.openingHours != null) {
            union.openingPeriods = OpeningHours.store("openingHours", input.openingHours);
        }
        if ((input.latitude == null) != (input.longitude == null)) {
            throw new ValidationException("latitude: 纬度和经度须同时提供 (give latitude and longitude together)");
        }
        if (input.latitude != null) {
            Coordinates.LatLon wgs = GeoArea.position("latitude", input.latitude, input.longitude, input.coordinateSystem);
            union.latitude = wgs.lat();
            union.longitude = wgs.lon();
        }
    }

    @Transactional
    public TradeUnion move(MoveUnionInput input) {
        Subtree own = scope.subtree();
        TradeUnion.lockHierarchy();
        TradeUnion union = scope.union(input.id, "id");
        if (union.parentId == null || !own.contains(union.parentPath())) {
            throw new ForbiddenException("id: 无权调整本级工会的隶属关系 — moving a union needs authority over its current parent");
        }
        TradeUnion newParent = scope.union(input.newParentId, "newParentId");
        Subtree subtree = scope.subtreeOf(union, "id");
        checkVersion(union, input.version);
        if (subtree.contains(newParent.path)) {
            throw new ValidationException("newParentId: 不能移到自身或下级之下 — a union cannot be moved under itself or its own descendants");
        }
        if (newParent.id.equals(union.parentId)) {
            throw new ValidationException("newParentId: 已隶属于该工会 — union " + union.id + " is already under union " + newParent.id);
        }
        UnionRules.checkPlacement("newParentId", union.level, newParent);
        String area = areaBelow(newParent);
        if (TradeUnion.countRegionCodesOutside(subtree, area) > 0) {
            throw new ValidationException("newParentId: 行政区划不符 — the union or unions below it have region codes outside the new parent's area (codes starting "
                    + area + ")");
        }
        List<Long> oldAncestors = TradeUnion.idsOf(union.parentPath());
        int size = union.descendantCount + 1;
        if (!TradeUnion.moveSubtree(union, subtree, newParent, input.version)) {
            throw Versions.stale("the union changed since you read it");
        }
        TradeUnion.adjustDescendantCounts(oldAncestors, -size);
        TradeUnion.adjustDescendantCounts(newParent.pathIds(), size);
        subtreeMoved.fire(new SubtreeMoved(union.id, oldAncestors, newParent.pathIds()));
        UnionMove.record(union.id, union.parentId, newParent.id, caller.subject());
        Map<String, String> before = union.auditedFields();
        // The subtree was rewritten in SQL: drop the stale entities and read the union afresh.
        TradeUnion.flush();
        TradeUnion.getEntityManager().clear();
        TradeUnion moved = TradeUnion.findById(union.id);
        audit.record("moveUnion", "Union", moved.id, moved.id, moved.path, before, moved.auditedFields());
        return moved;
    }

    @Transactional
    public TradeUnion dissolve(DissolveUnionInput input) {
        Subtree own = scope.subtree();
        TradeUnion.lockHierarchy();
        TradeUnion union = scope.union(input.id, "id");
        if (union.parentId == null || !own.contains(union.parentPath())) {
            throw new ForbiddenException("id: 无权撤销本级工会 — dissolving a union needs authority over its parent");
        }
        checkVersion(union, input.version);
        String reason = Text.multiline("reason", input.reason, 500, true);
        if (!union.status.isOpen()) {
            throw new ConflictException("id: 工会已" + (union.status == UnionStatus.DISSOLVED ? "撤销" : "合并") + " — union " + union.id + " is already " + union.status);
        }
        if (TradeUnion.hasOpenChildren(union.id)) {
            throw new ConflictException("id: 尚有未撤销的下级工会 — union " + union.id + " still has PREPARING or ACTIVE child unions; dissolve or move them first");
        }
        Map<String, String> before = union.auditedFields();
        union.status = UnionStatus.DISSOLVED;
        union.dissolvedOn = LocalDate.now(UnionRules.CHINA);
        union.dissolutionReason = reason;
        union.updatedAt = OffsetDateTime.now();
        TradeUnion.flush();
        audit.record("dissolveUnion", "Union", union.id, union.id, union.path, before, union.auditedFields());
        unionDissolved.fire(new UnionDissolved(union.id));
        return union;
    }

    private static void checkVersion(TradeUnion union, Integer version) {
        Versions.check("union", union.id, union.version, version);
    }

    /** The code prefix every region code at or below {@code union}'s children must start with. */
    private static String areaBelow(TradeUnion union) {
        if (union.regionCode != null) {
            return UnionRules.areaOf(union.level, union.regionCode);
        }
        List<Long> ancestorIds = union.pathIds();
        Map<Long, TradeUnion> ancestors = byId(TradeUnion.listByIds(ancestorIds));
        for (int i = ancestorIds.size() - 1; i >= 0; i--) {
            TradeUnion a = ancestors.get(ancestorIds.get(i));
            if (a != null && a.regionCode != null) {
                return UnionRules.areaOf(a.level, a.regionCode);
            }
        }
        return "";
    }

    /** The flag a union of {@code kind} gets when {@code requested} (null: keep {@code current}); PLATFORM unions always have it. */
    private static boolean newEmploymentForm(UnionKind kind, Boolean requested, boolean current) {
        if (kind == UnionKind.PLATFORM && Boolean.FALSE.equals(requested)) {
            throw new ValidationException("newEmploymentForm: 平台企业工会均为新就业形态工会 — PLATFORM unions are always new-employment-form unions");
        }
        return kind == UnionKind.PLATFORM || (requested != null ? requested : current);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<Long, TradeUnion> byId(Collection<TradeUnion> unions) {
        return unions.stream().collect(Collectors.toMap(u -> u.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
