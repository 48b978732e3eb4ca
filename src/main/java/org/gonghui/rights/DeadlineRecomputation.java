package org.gonghui.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gonghui.calendar.WorkingCalendar;
import org.gonghui.calendar.WorkingCalendar.Deadline;
import org.gonghui.calendar.WorkingCalendar.Schedule;
import org.gonghui.calendar.WorkingCalendarChanged;
import org.jboss.logging.Logger;

/**
 * When a year's schedule changes, the open deadlines that count days of that year are recomputed in the
 * same transaction: {@code accept_due} of SUBMITTED cases (from their submission), {@code resolve_due} of
 * ACCEPTED and IN_PROGRESS cases (from their acceptance and category), and {@code deadline_fallback} with
 * them. A case whose date moved gets a DEADLINE_RECOMPUTED step (shown to the worker too; actor "system",
 * in the handling union) and, like any change, a new version. At most four statements whatever the number of
 * cases: read them (locked), read the schedules, update them from arrays, write the steps.
 */
@ApplicationScoped
public class DeadlineRecomputation {

    private static final Logger LOG = Logger.getLogger(DeadlineRecomputation.class);

    @Inject
    EntityManager em;

    @Inject
    WorkingCalendar calendar;

    @Inject
    RightsDeadlines deadlines;

    /** An open case whose deadline window (the day after it started .. its due day) reaches into the changed year. */
    record OpenCase(long id, RightsCaseStatus status, RightsCaseCategory category, Instant from, LocalDate due, boolean fallback) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onCalendarChanged(@Observes WorkingCalendarChanged changed) {
        int year = changed.year();
        List<OpenCase> cases = openCases(year);
        if (cases.isEmpty()) {
            return;
        }
        int firstYear = cases.stream().mapToInt(c -> RightsDeadlines.day(c.from()).getYear()).min().orElse(year);
        int lastYear = cases.stream().mapToInt(c -> RightsDeadlines.day(c.from()).getYear()).max().orElse(year);
        Schedule schedule = calendar.schedule(firstYear, lastYear + 1);
        List<String> ids = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        List<String> fallbacks = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        for (OpenCase c : cases) {
            Deadline deadline = c.status() == RightsCaseStatus.SUBMITTED
                    ? deadlines.acceptDue(schedule, c.from())
                    : deadlines.resolveDue(schedule, c.category(), c.from());
            if (!deadline.day().equals(c.due()) || deadline.fallback() != c.fallback()) {
                ids.add(String.valueOf(c.id()));
                statuses.add(c.status().name());
                dues.add(deadline.day().toString());
                fallbacks.add(String.valueOf(deadline.fallback()));
                if (!deadline.day().equals(c.due())) {
                    moved.add(String.valueOf(c.id()));
                }
            }
        }
        if (!ids.isEmpty()) {
            update(ids, statuses, dues, fallbacks);
        }
        if (!moved.isEmpty()) {
            em.createNativeQuery("""
                    insert into rights_case_step (case_id, kind, internal, union_id, actor)
                    select id, 'DEADLINE_RECOMPUTED', false, handling_union_id, 'system' from rights_case where id = any(cast(:ids as bigint[]))""")
                    .setParameter("ids", array(moved))
                    .executeUpdate();
        }
        LOG.infof("Working calendar %d changed: %d open cases read, %d updated, %d deadlines moved", year, cases.size(), ids.size(), moved.size());
    }

    /** The open cases whose window touches the year, locked until the transaction ends (one statement). */
    @SuppressWarnings("unchecked")
    private List<OpenCase> openCases(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        OffsetDateTime next = LocalDate.of(year + 1, 1, 1).atStartOfDay(RightsDeadlines.CHINA).toOffsetDateTime();
        List<Object[]> rows = em.createNativeQuery("""
                select id, status, category,
                       to_char((case when status = 'SUBMITTED' then submitted_at else accepted_at end) at time zone 'UTC',
                               'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                       (case when status = 'SUBMITTED' then accept_due else resolve_due end)::text, deadline_fallback
                  from rights_case
                 where id in (select id from rights_case
                               where status = 'SUBMITTED' and accept_due >= cast(:first as date) and submitted_at < cast(:next as timestamptz)
                              union all
                              select id from rights_case
                               where status in ('ACCEPTED', 'IN_PROGRESS') and resolve_due >= cast(:first as date)
                                 and accepted_at < cast(:next as timestamptz))
                 order by id
                   for update""")
                .setParameter("first", first.toString())
                .setParameter("next", next.toString())
                .getResultList();
        List<OpenCase> cases = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            cases.add(new OpenCase(((Number) row[0]).longValue(), RightsCaseStatus.valueOf((String) row[1]), RightsCaseCategory.valueOf((String) row[2]),
                    Instant.parse((String) row[3]), LocalDate.parse((String) row[4]), (Boolean) row[5]));
        }
        return cases;
    }

    /** New deadlines from arrays, in one statement; a case that changed status meanwhile is left alone. */
    private void update(List<String> ids, List<String> statuses, List<String> dues, List<String> fallbacks) {
        em.createNativeQuery("""
                update rights_case r
                   set accept_due = case when c.status = 'SUBMITTED' then c.due else r.accept_due end,
                       resolve_due = case when c.status = 'SUBMITTED' then r.resolve_due else c.due end,
                       deadline_fallback = c.fallback,
                       version = r.version + 1,
                       updated_at = now()
                  from unnest(cast(:ids as bigint[]), cast(:statuses as text[]), cast(:dues as date[]), cast(:fallbacks as boolean[]))
                       as c(id, status, due, fallback)
                 where r.id = c.id and r.status = c.status""")
                .setParameter("ids", array(ids))
                .setParameter("statuses", array(statuses))
                .setParameter("dues", array(dues))
                .setParameter("fallbacks", array(fallbacks))
                .executeUpdate();
    }

    /** A PostgreSQL array literal of plain values (ids, enum names, ISO dates, booleans: nothing to quote). */
    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
