package org.gonghui.rights;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.member.Membership;
import org.gonghui.rights.RightsCaseAccess.CaseUnions;
import org.gonghui.rights.RightsCaseAccess.Reach;
import org.gonghui.security.Caller;
import org.gonghui.security.CallerScope;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.Money;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.PersonalData;
import org.gonghui.support.PersonalData.Purpose;
import org.gonghui.support.Text;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.support.paging.SortKey;
import org.gonghui.union.TradeUnion;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Reading rights cases: the officials' queue of a subtree, a worker's own cases, one case, the batched
 * nested fields and the audited reveal of the full texts. Every case is shown through
 * {@link RightsCaseAccess#reach}, per object and at read time; what the reach does not cover reads null.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RightsCaseReads {

    /** Statuses whose deadline runs: acceptance (SUBMITTED), resolution (ACCEPTED, IN_PROGRESS). */
    static final List<RightsCaseStatus> WORKING = List.of(RightsCaseStatus.ACCEPTED, RightsCaseStatus.IN_PROGRESS);

    /** The rows of a list: a case with its handling union's name, parent and path (for the reach). */
    private static final String SELECT = "select c, u.name, u.parentId, " + Subtree.column("u");
    private static final String FROM = " from RightsCaseRecord c join TradeUnion u on u.id = c.handlingUnionId";
    private static final String OVERDUE = "(c.status = :submitted and c.acceptDue < :today or c.status in (:working) and c.resolveDue < :today)";

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    RightsCaseAccess access;

    @Inject
    PersonalData personalData;


    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** What a list counts: its HQL condition and parameters (a record, so equal lists are counted once). */
    record Hql(String where, Map<String, Object> params) {
    }

    private static final Counter<Hql> COUNT = Counter.eachBy(q -> {
        TypedQuery<Long> count = Panache.getEntityManager().createQuery("select count(c)" + FROM + " where " + q.where(), Long.class);
        q.params().forEach(count::setParameter);
        return count.getSingleResult();
    });

    // --- the officials' queue

    /**
     * The cases handled by the unions of a subtree (the filter's union, default the caller's; NOT_FOUND
     * outside the caller's subtree), filtered and sorted, one page.
     */
    public RightsCaseConnection queue(RightsCaseInputs.Filter filter, PageRequest<?> page) {
        RightsCaseInputs.Filter f = filter == null ? new RightsCaseInputs.Filter() : filter;
        Subtree subtree = scope.subtree(f.unionId, "filter.unionId");
        long root = f.unionId != null ? f.unionId : caller.official().unionId();
        LocalDate today = RightsDeadlines.day(Instant.now());
        Map<String, Object> params = subtree.parameters();
        StringBuilder where = new StringBuilder(subtree.covers("u"));
        if (f.statuses != null && !f.statuses.isEmpty()) {
            where.append(" and c.status in (:statuses)");
            params.put("statuses", f.statuses);
        }
        if (f.categories != null && !f.categories.isEmpty()) {
            where.append(" and c.category in (:categories)");
            params.put("categories", f.categories);
        }
        boolean overdueParams = false;
        if (f.overdue != null) {
            where.append(f.overdue ? " and " : " and not ").append(OVERDUE);
            overdueParams = true;
        }
        if (f.escalated != null) {
            where.append(f.escalated ? " and " : " and not ").append("(u.parentId = :root and ").append(OVERDUE).append(")");
            params.put("root", root);
            overdueParams = true;
        }
        if (overdueParams) {
            params.put("submitted", RightsCaseStatus.SUBMITTED);
            params.put("working", WORKING);
            params.put("today", today);
        }
        if (Boolean.TRUE.equals(f.assignedToMe)) {
            where.append(" and c.assignedTo = :me");
            params.put("me", caller.subject());
        }
        if (f.submittedFrom != null) {
            where.append(" and c.submittedAt >= :from");
            params.put("from", startOf(f.submittedFrom));
        }
        if (f.submittedTo != null) {
            where.append(" and c.submittedAt < :to");
            params.put("to", startOf(f.submittedTo.plusDays(1)));
        }
        CountKey<Hql> count = new CountKey<>(COUNT, new Hql(where.toString(), Map.copyOf(params)));
        // the ordering the API chose from orderBy: by the next deadline (its cursors carry the day) or by id
        boolean byDue = page.ordering().key() == SortKey.DATE;
        boolean descending = page.ordering().sort().endsWith(" desc");
        String direction = descending ? " desc" : " asc";
        String after = descending ? " < " : " > ";
        if (page.afterId() != null) {
            if (byDue) {
                where.append(" and (c.dueSort").append(after).append(":afterDue or c.dueSort = :afterDue and c.id").append(after).append(":afterId)");
                params.put("afterDue", page.afterValue());
            } else {
                where.append(" and c.id").append(after).append(":afterId");
            }
            params.put("afterId", page.afterId());
        }
        String sort = byDue ? " order by c.dueSort" + direction + ", c.id" + direction : " order by c.id" + direction;
        List<RightsCase> rows = views(fetch(where + sort, params, page.rowsToFetch()), today);
        @SuppressWarnings("unchecked")
        PageRequest<LocalDate> dated = (PageRequest<LocalDate>) page;
        return new RightsCaseConnection(byDue ? dated.page(rows, c -> c.dueSort, c -> c.id, count) : page.page(rows, c -> c.id, count));
    }

    /** The caller's own cases (submitted with their login or recorded for it), newest first. */
    public RightsCaseConnection own(PageRequest<Void> page) {
        String subject = caller.subject();
        Map<String, Object> params = new HashMap<>(Map.of("subject", subject));
        CountKey<Hql> count = new CountKey<>(COUNT, new Hql("c.workerSubject = :subject", Map.copyOf(params)));
        String where = "c.workerSubject = :subject";
        if (page.afterId() != null) {
            where += " and c.id < :afterId";
            params.put("afterId", page.afterId());
        }
        List<RightsCase> rows = views(fetch(where + " order by c.id desc", params, page.rowsToFetch()), RightsDeadlines.day(Instant.now()));
        return new RightsCaseConnection(page.page(rows, c -> c.id, count));
    }

    public List<Integer> totalCounts(List<RightsCaseConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    /** One case as the caller's reach shows it; NOT_FOUND when the caller does not reach it, exactly as when it does not exist. */
    public RightsCase one(Long id) {
        CaseUnions unions = id == null ? null : access.load(id);
        Reach reach = access.reach(unions);
        if (reach == Reach.NONE) {
            throw notFound(id);
        }
        RightsCaseRecord c = RightsCaseRecord.findById(id);
        TradeUnion handling = TradeUnion.findById(c.handlingUnionId);
        return view(c, reach, handling.name, unions.handlingParentId(), RightsDeadlines.day(Instant.now()));
    }

    // --- nested fields, batched: one statement for a page of cases (avoids N+1)

    /** The steps of each case, oldest first: the worker's own case without internal steps; who acted only for FULL reach. */
    public List<List<RightsCaseStep>> steps(List<RightsCase> cases) {
        Map<Long, List<RightsCaseStep>> byCase = new HashMap<>();
        List<Long> ids = cases.stream().filter(Objects::nonNull).map(c -> c.id).distinct().toList();
        if (!ids.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select case_id, id, kind, internal, union_id, to_union_id, actor, at, text_cipher is not null
                      from rights_case_step where case_id = any(cast(:ids as bigint[])) order by case_id, id""")
                    .setParameter("ids", longArray(ids)).getResultList();
            for (Object[] row : rows) {
                RightsCaseStep step = new RightsCaseStep();
                step.id = ((Number) row[1]).longValue();
                step.kind = RightsCaseStepKind.valueOf((String) row[2]);
                step.internal = (Boolean) row[3];
                step.unionId = ((Number) row[4]).longValue();
                step.toUnionId = row[5] == null ? null : ((Number) row[5]).longValue();
                step.actor = (String) row[6];
                step.at = time(row[7]);
                step.hasText = (Boolean) row[8];
                byCase.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(step);
            }
        }
        List<List<RightsCaseStep>> result = new ArrayList<>(cases.size());
        for (RightsCase c : cases) {
            List<RightsCaseStep> visible = new ArrayList<>();
            for (RightsCaseStep s : byCase.getOrDefault(c.id, List.of())) {
                if (c.reach == Reach.FULL) {
                    visible.add(s);
                } else if (!s.internal) {
                    // workers and SUMMARY reach: what happened and when, not who
                    RightsCaseStep shown = copy(s);
                    shown.actor = null;
                    visible.add(shown);
                }
            }
            result.add(visible);
        }
        return result;
    }

    /** A union of each case (handling or received), when the caller is an official who sees it; null for workers. */
    public List<TradeUnion> unions(List<RightsCase> cases, Function<RightsCase, Long> unionOf) {
        CallerScope who = caller.scope();
        if (!who.isOfficial()) {
            return cases.stream().map(c -> (TradeUnion) null).toList();
        }
        Map<Long, TradeUnion> visible = scope.visibleUnions(cases.stream().map(unionOf).distinct().toList());
        return cases.stream().map(c -> c.reach == Reach.WORKER ? null : visible.get(unionOf.apply(c))).toList();
    }

    // --- the audited reveal

    /** The full texts of a case for an official of the handling union or the one above (FORBIDDEN for other reaches); audited with the reason. */
    @Transactional(Transactional.TxType.REQUIRED)
    public RevealedRightsCase reveal(Long id, String reason) {
        CaseUnions unions = id == null ? null : access.load(id);
        Reach reach = access.reach(unions);
        if (reach == Reach.NONE) {
            throw notFound(id);
        }
        if (reach != Reach.FULL) {
            throw new ForbiddenException("id: 仅受理工会及其直接上级工会的干部可以查阅全文 — only officials of the handling union and of the union directly "
                    + "above it read a case's texts");
        }
        String why = Text.multiline("reason", reason, 500, true);
        RightsCaseRecord c = RightsCaseRecord.findById(id);
        RevealedRightsCase revealed = new RevealedRightsCase();
        revealed.id = c.id;
        revealed.description = personalData.decryptText(Purpose.RIGHTS_CASE_TEXT, c.descriptionCipher, c.descriptionKey);
        revealed.contactPhone = c.contactPhoneCipher == null ? null
                : personalData.decryptText(Purpose.CONTACT_PHONE, c.contactPhoneCipher, c.contactPhoneKey);
        if (c.workerNameCipher != null) {
            revealed.workerName = personalData.decryptText(Purpose.RIGHTS_CASE_TEXT, c.workerNameCipher, c.workerNameKey);
        } else if (c.membershipId != null) {
            Membership m = Membership.findById(c.membershipId);
            revealed.workerName = m == null ? null : m.name;
        }
        revealed.steps = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, at, actor, text_cipher, text_key from rights_case_step where case_id = :id order by id")
                .setParameter("id", c.id).getResultList();
        for (Object[] row : rows) {
            RevealedRightsCase.Step step = new RevealedRightsCase.Step();
            step.id = ((Number) row[0]).longValue();
            step.kind = RightsCaseStepKind.valueOf((String) row[1]);
            step.at = time(row[2]);
            step.actor = (String) row[3];
            step.text = row[4] == null ? null : personalData.decryptText(Purpose.RIGHTS_CASE_TEXT, (byte[]) row[4], (String) row[5]);
            revealed.steps.add(step);
        }
        audit.record("revealRightsCase", "RightsCase", c.id, unions.handlingUnionId(), unions.handlingPath(), Map.of(),
                Map.of("revealed", "workerName,contactPhone,description,steps"), why);
        return revealed;
    }

    // --- views

    static NotFoundException notFound(Long id) {
        return new NotFoundException("id: 维权个案不存在 — no rights case " + id + " you may see");
    }

    private List<Object[]> fetch(String whereAndOrder, Map<String, Object> params, int limit) {
        TypedQuery<Object[]> query = em.createQuery(SELECT + FROM + " where " + whereAndOrder, Object[].class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * Views of the rows of a list. Their reach comes from the one rule with the referrers' paths left
     * out: a row of the queue lies in the caller's subtree (SUMMARY at least) and a row of the worker's
     * list is theirs (WORKER), so the referrers cannot change it.
     */
    private List<RightsCase> views(List<Object[]> rows, LocalDate today) {
        List<RightsCase> views = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            RightsCaseRecord c = (RightsCaseRecord) row[0];
            Long parentId = (Long) row[2];
            Reach reach = access.reach(new CaseUnions(c.id, c.handlingUnionId, parentId, (String) row[3], List.of(), c.workerSubject));
            views.add(view(c, reach, (String) row[1], parentId, today));
        }
        return views;
    }

    /** The case as a caller of this reach sees it (reach is never NONE here). */
    RightsCase view(RightsCaseRecord c, Reach reach, String handlingUnionName, Long handlingParentId, LocalDate today) {
        RightsCase v = new RightsCase();
        v.reach = reach;
        v.handlingParentId = handlingParentId;
        v.id = c.id;
        v.category = c.category;
        v.channel = c.channel;
        v.status = c.status;
        v.submittedAt = c.submittedAt;
        v.acceptDue = c.acceptDue;
        v.resolveDue = c.resolveDue;
        v.deadlineFallback = c.deadlineFallback;
        v.overdue = overdue(c, today);
        v.escalated = v.overdue && handlingParentId != null;
        v.escalatedToUnionId = v.escalated ? handlingParentId : null;
        v.acceptedAt = c.acceptedAt;
        v.declinedAt = c.declinedAt;
        v.resolvedAt = c.resolvedAt;
        v.closedAt = c.closedAt;
        v.resolveWorkingDays = c.resolveWorkingDays;
        v.outcome = c.outcome;
        v.wagesRecoveredYuan = Money.format(c.wagesRecovered);
        v.rating = c.rating == null ? null : c.rating.intValue();
        v.handlingUnionId = c.handlingUnionId;
        v.handlingUnionName = handlingUnionName;
        v.receivedUnionId = c.receivedUnionId;
        v.referredFromUnionIds = Arrays.stream(c.referredFromUnionIds).map(String::valueOf).toList();
        v.workerNameMasked = c.workerNameMasked;
        v.version = c.version;
        v.dueSort = c.dueSort;
        if (reach.readsTexts()) {
            v.employerName = c.employerName;
            v.employerCreditCode = c.employerCreditCode;
            v.regionCode = c.regionCode;
            v.contactPhoneMasked = c.contactPhoneMasked;
            v.preferredContactTime = c.preferredContactTime;
            v.amountClaimedYuan = Money.format(c.amountClaimed);
            v.declineReason = c.declineReason;
            v.outcomeText = c.outcomeText;
            v.ratingComment = c.ratingComment;
        }
        if (reach == Reach.FULL) {
            v.memberId = c.membershipId;
            v.descriptionMasked = c.descriptionMasked;
            v.assignedTo = c.assignedTo;
        } else if (reach == Reach.WORKER) {
            // the worker's own words (not audited: nobody but the author reads them here)
            v.description = personalData.decryptText(Purpose.RIGHTS_CASE_TEXT, c.descriptionCipher, c.descriptionKey);
        }
        return v;
    }

    static boolean overdue(RightsCaseRecord c, LocalDate today) {
        return c.status == RightsCaseStatus.SUBMITTED && c.acceptDue.isBefore(today)
                || WORKING.contains(c.status) && c.resolveDue != null && c.resolveDue.isBefore(today);
    }

    private static RightsCaseStep copy(RightsCaseStep s) {
        RightsCaseStep c = new RightsCaseStep();
        c.id = s.id;
        c.kind = s.kind;
        c.internal = s.internal;
        c.at = s.at;
        c.unionId = s.unionId;
        c.toUnionId = s.toUnionId;
        c.actor = s.actor;
        c.hasText = s.hasText;
        return c;
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(RightsDeadlines.CHINA).toOffsetDateTime();
    }

    static String longArray(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
