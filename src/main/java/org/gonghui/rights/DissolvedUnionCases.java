package org.gonghui.rights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.audit.AuditLog.Change;
import org.gonghui.calendar.WorkingCalendar.Deadline;
import org.gonghui.notification.NoticeType;
import org.gonghui.notification.WorkerNotices;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionDissolved;

/**
 * Rights end everywhere at once: when a union is dissolved, every open case it handles (SUBMITTED,
 * ACCEPTED, IN_PROGRESS) is referred to the union directly above it in the dissolution's transaction,
 * exactly as {@code referRightsCase} would: SUBMITTED there with a new acceptance deadline, no assignee,
 * the dissolved union added to the referrers (it keeps its summary), a REFERRED step with the actor
 * "system", an audit record per case ({@code referRightsCase}, by the official who dissolved the union,
 * with the reason) and a notice to each worker. A case stays open, so its entry in rights_case_open (the
 * one-open-case rule, keyed by worker, employer and category, not by union) stays as it is. Undoing an acceptance
 * changes the figures: the update writes the cases' figure differences into the rollup's pending rows (V23), as a
 * step through the case service does. Set-based, whatever the number of cases: one update (with its figure
 * differences), one insert of steps, at most two of notices, one of audit records.
 */
@ApplicationScoped
public class DissolvedUnionCases {

    static final String REASON = "受理工会已撤销, 转上一级工会办理 (the handling union was dissolved; referred to the union above it)";

    @Inject
    EntityManager em;

    @Inject
    RightsDeadlines deadlines;

    @Inject
    AuditLog audit;

    @Inject
    Event<WorkerNotices> notices;

    /** One case as it was before the referral, and whom it belongs to. */
    record Moved(long id, String status, String assignedTo, String acceptDue, String resolveDue, Long membershipId, String workerSubject) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void unionDissolved(@Observes UnionDissolved event) {
        TradeUnion from = TradeUnion.findById(event.unionId());
        if (from.parentId == null) {
            return; // the national union is never dissolved (dissolving needs authority over the parent)
        }
        TradeUnion to = TradeUnion.findById(from.parentId);
        Deadline due = deadlines.acceptDue(Instant.now());
        List<Moved> moved = refer(from.id, to.id, due);
        if (moved.isEmpty()) {
            return;
        }
        String ids = moved.stream().map(m -> String.valueOf(m.id())).collect(Collectors.joining(",", "{", "}"));
        em.createNativeQuery("""
                insert into rights_case_step (case_id, kind, internal, union_id, to_union_id, actor)
                select id, 'REFERRED', false, :from, :to, :actor from unnest(cast(:ids as bigint[])) as c(id) order by id""")
                .setParameter("from", from.id).setParameter("to", to.id).setParameter("actor", RightsCaseService.SYSTEM).setParameter("ids", ids)
                .executeUpdate();
        List<WorkerNotices.To> workers = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Moved m : moved) {
            WorkerNotices.To worker = RightsCaseService.worker(m.id(), m.membershipId(), m.workerSubject());
            if (worker != null) {
                workers.add(worker);
            }
            Map<String, String> before = new LinkedHashMap<>();
            before.put("status", m.status());
            before.put("handlingUnionId", String.valueOf(from.id));
            before.put("assignedTo", m.assignedTo());
            before.put("acceptDue", m.acceptDue());
            before.put("resolveDue", m.resolveDue());
            Map<String, String> after = new LinkedHashMap<>();
            after.put("status", RightsCaseStatus.SUBMITTED.name());
            after.put("handlingUnionId", String.valueOf(to.id));
            after.put("acceptDue", due.day().toString());
            changes.add(new Change(m.id(), before, after));
        }
        audit.recordEach("referRightsCase", "RightsCase", from.id, from.path, changes, REASON);
        notices.fire(new WorkerNotices(NoticeType.RIGHTS_CASE_STEP, "您的维权诉求已转至" + to.name + "办理 (原受理工会已撤销)",
                "Your rights case was referred to " + to.name + ": the union handling it was dissolved", workers));
    }

    /**
     * Refers every open case of the union in one statement (rows locked; a case that left the open states meanwhile is left alone).
     * The same statement keeps the rights-case rollup exact, as {@link RightsCaseFigureLedger} does for one case: it writes each
     * receiving union's difference between the moved cases' figure cells before and after (acceptance is undone) into
     * rights_case_stat_pending.
     */
    @SuppressWarnings("unchecked")
    private List<Moved> refer(long from, long to, Deadline due) {
        List<Object[]> rows = em.createNativeQuery("""
                with was as (
                    select id, status, assigned_to, accept_due, resolve_due, received_union_id, category, channel, submitted_at, accepted_at,
                           declined_at, resolved_at, resolve_working_days, wages_recovered, closed_at, rating
                      from rights_case
                     where handling_union_id = :from and status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')
                     order by id
                       for update),
                moved as (
                    update rights_case r
                       set handling_union_id = :to,
                           referred_from_union_ids = r.referred_from_union_ids || cast(:from as bigint),
                           status = 'SUBMITTED',
                           accept_due = cast(:due as date),
                           deadline_fallback = :fallback,
                           resolve_due = null,
                           accepted_at = null,
                           assigned_to = null,
                           version = r.version + 1,
                           updated_at = now()
                      from was
                     where r.id = was.id
                    returning r.id, was.status, was.assigned_to, cast(was.accept_due as text) as accept_due, cast(was.resolve_due as text) as resolve_due,
                              r.membership_id, r.worker_subject, r.received_union_id, r.category, r.channel, r.submitted_at, r.accepted_at,
                              r.declined_at, r.resolved_at, r.resolve_due as new_resolve_due, r.resolve_working_days, r.wages_recovered, r.closed_at,
                              r.rating),
                figures as (
                    insert into rights_case_stat_pending (union_id, metric, value)
                    select x.union_id, x.metric, sum(x.value)
                      from (select w.received_union_id as union_id, m.metric, -m.value as value
                              from was w
                             cross join lateral gonghui_rights_case_cells(w.category, w.channel, w.submitted_at, w.accepted_at, w.declined_at,
                                                                          w.resolved_at, w.resolve_due, w.resolve_working_days, w.wages_recovered,
                                                                          w.closed_at, w.rating) m
                             where w.id in (select id from moved)
                            union all
                            select n.received_union_id, m.metric, m.value
                              from moved n
                             cross join lateral gonghui_rights_case_cells(n.category, n.channel, n.submitted_at, n.accepted_at, n.declined_at,
                                                                          n.resolved_at, n.new_resolve_due, n.resolve_working_days, n.wages_recovered,
                                                                          n.closed_at, n.rating) m) x
                     group by 1, 2
                    having sum(x.value) <> 0)
                select id, status, assigned_to, accept_due, resolve_due, membership_id, worker_subject from moved""")
                .setParameter("from", from).setParameter("to", to).setParameter("due", due.day().toString())
                .setParameter("fallback", due.fallback())
                .getResultList();
        List<Moved> moved = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            moved.add(new Moved(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    row[5] == null ? null : ((Number) row[5]).longValue(), (String) row[6]));
        }
        moved.sort(Comparator.comparingLong(Moved::id));
        return moved;
    }
}
