package org.gonghui.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import org.gonghui.calendar.WorkingCalendar.Deadline;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Publishing a year recomputes, in the same transaction, the open deadlines that count days of that year:
 * cases computed on the Monday-to-Friday fallback move where the new schedule has a holiday, get a
 * DEADLINE_RECOMPUTED step and a new version, and lose the fallback mark; cases outside the year and
 * cases no longer open are untouched; thousands of cases cost the same statements as one. Cases are
 * inserted with SQL (V17 columns) in 河阳保安 (41030611); 2027 is published with New Year's Day only. A deadline
 * computed while a publication runs is either stored before it (and recomputed) or computed after it.
 */
@QuarkusTestWithOidc
class DeadlineRecomputationTests {

    static final long UNION = 41030611;
    static final String SET = "mutation($y: Int!, $h: [Date!]!, $m: [Date!]!) { setWorkingCalendar(year: $y, holidays: $h, makeUpWorkdays: $m) { version } }";

    @Inject
    DataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    EntityManager em;

    @Inject
    RightsDeadlines deadlines;

    @AfterEach
    void restore() {
        DemoData.execute(dataSource, "delete from working_calendar_year where year > 2026");
        DemoData.restore(dataSource);
    }

    /** A case as the rights feature stores it; {@code accepted} null for a SUBMITTED case. */
    long insertCase(String status, String category, String submittedAt, String acceptDue, String acceptedAt, String resolveDue, boolean fallback) {
        boolean resolved = status.equals("RESOLVED");
        return DemoData.queryLong(dataSource, """
                insert into rights_case (category, channel, status, description_cipher, description_key, received_union_id, handling_union_id,
                                         submitted_by, submitted_at, accept_due, accepted_at, resolve_due, assigned_to, deadline_fallback,
                                         resolved_at, outcome)
                values ('%s', 'HOTLINE', '%s', '\\x00', 'test', %d, %d, 'sub-fixture', '%s', '%s', %s, %s, %s, %s, %s, %s)
                returning id""".formatted(category, status, UNION, UNION, submittedAt, acceptDue,
                acceptedAt == null ? "null" : "'" + acceptedAt + "'", resolveDue == null ? "null" : "'" + resolveDue + "'",
                acceptedAt == null ? "null" : "'sub-heyang-baoan'", fallback, resolved ? "'2026-12-28 10:00+08'" : "null",
                resolved ? "'ADVICE_GIVEN'" : "null"));
    }

    /** accept_due, resolve_due, deadline_fallback and version of a case, e.g. "2027-01-05|null|f|1". */
    String deadlines(long id) {
        return DemoData.queryString(dataSource, "select concat_ws('|', accept_due, coalesce(resolve_due::text, 'null'), deadline_fallback, version) "
                + "from rights_case where id = " + id);
    }

    long steps(long id) {
        return DemoData.queryLong(dataSource, "select count(*) from rights_case_step where case_id = " + id + " and kind = 'DEADLINE_RECOMPUTED'"
                + " and not internal and actor = 'system' and union_id = " + UNION);
    }

    static Result publish2027() {
        return GraphQLClient.post(Tokens.forDemoUser("quanzong"), SET, Map.of("y", 2027, "h", List.of("2027-01-01"), "m", List.of()));
    }

    @Test
    void openDeadlinesThatCountDaysOfTheYearAreRecomputedWhenItIsPublished() {
        // submitted Wednesday 2026-12-30: on Monday to Friday 12-31, 01-01, 01-04; with New Year's Day off 12-31, 01-04, 01-05
        long submitted = insertCase("SUBMITTED", "WAGE_ARREARS", "2026-12-30 10:00+08", "2027-01-04", null, null, true);
        // legal aid accepted Tuesday 2026-12-01: the 30th working day is 01-12 on Monday to Friday, 01-13 with New Year's Day off
        long legalAid = insertCase("IN_PROGRESS", "LEGAL_AID", "2026-11-30 10:00+08", "2026-12-03", "2026-12-01 09:00+08", "2027-01-12", true);
        // accepted Friday 2026-10-09, due 10-29: its window lies in 2026 only
        long within2026 = insertCase("ACCEPTED", "WAGE_ARREARS", "2026-10-08 10:00+08", "2026-10-12", "2026-10-09 09:00+08", "2026-10-29", false);
        // resolved: no longer open, whatever its deadline said
        long resolved = insertCase("RESOLVED", "WAGE_ARREARS", "2026-12-18 10:00+08", "2026-12-23", "2026-12-20 09:00+08", "2027-01-11", true);
        // submitted Monday 2027-02-01: due Thursday 02-04 either way, only the fallback mark goes
        long sameDay = insertCase("SUBMITTED", "GRIEVANCE", "2027-02-01 09:00+08", "2027-02-04", null, null, true);

        Result published = publish2027();
        assertFalse(published.hasErrors(), published::toString);

        assertEquals("2027-01-05|null|f|1", deadlines(submitted));
        assertEquals(1, steps(submitted));
        assertEquals("2026-12-03|2027-01-13|f|1", deadlines(legalAid));
        assertEquals(1, steps(legalAid));
        assertEquals("2026-10-12|2026-10-29|f|0", deadlines(within2026));
        assertEquals(0, steps(within2026));
        assertEquals("2026-12-23|2027-01-11|t|0", deadlines(resolved));
        assertEquals(0, steps(resolved));
        assertEquals("2027-02-04|null|f|1", deadlines(sameDay));
        assertEquals(0, steps(sameDay), "the date did not move: no step");

        // the same schedule again moves nothing and changes no version
        assertFalse(publish2027().hasErrors());
        assertEquals("2027-01-05|null|f|1", deadlines(submitted));
        assertEquals("2026-12-03|2027-01-13|f|1", deadlines(legalAid));
        assertEquals(1, steps(submitted));
    }

    @Test
    void deadlinesComputedWithAnOldScheduleMoveBackWhenAHolidayIsWithdrawn() {
        assertFalse(publish2027().hasErrors());
        long submitted = insertCase("SUBMITTED", "OTHER", "2026-12-30 10:00+08", "2027-01-05", null, null, false);
        Result replaced = GraphQLClient.post(Tokens.forDemoUser("quanzong"), SET, Map.of("y", 2027, "h", List.of("2027-02-10"), "m", List.of()));
        assertFalse(replaced.hasErrors(), replaced::toString);
        assertEquals("2027-01-04|null|f|1", deadlines(submitted));
        assertEquals(1, steps(submitted));
    }

    @Test
    void recomputingTwoThousandCasesCostsTheStatementsOfOne() {
        insertCase("SUBMITTED", "WAGE_ARREARS", "2026-12-30 10:00+08", "2027-01-04", null, null, true);
        long one = countedPublication();
        DemoData.execute(dataSource, "delete from working_calendar_year where year = 2027");
        DemoData.restore(dataSource);
        DemoData.execute(dataSource, """
                insert into rights_case (category, channel, status, description_cipher, description_key, received_union_id, handling_union_id,
                                         submitted_by, submitted_at, accept_due, deadline_fallback)
                select 'WAGE_ARREARS', 'APP', 'SUBMITTED', '\\x00', 'test', %d, %d, 'sub-fixture', '2026-12-30 10:00+08', '2027-01-04', true
                  from generate_series(1, 2000)""".formatted(UNION, UNION));
        long many = countedPublication();
        // the publication's own statements (lock, year read before and after, upsert, delete, insert, audit) and the recomputation's four
        assertEquals(11, one, "statements of a publication that recomputes one case");
        assertEquals(one, many, "statements of one recomputed case and of 2,000");
        assertEquals(2000, DemoData.queryLong(dataSource, "select count(*) from rights_case where accept_due = '2027-01-05' and not deadline_fallback and version = 1"));
        assertEquals(2000, DemoData.queryLong(dataSource, "select count(*) from rights_case_step where kind = 'DEADLINE_RECOMPUTED'"));
    }

    @Test
    void aDeadlineComputedWhileTheYearIsBeingPublishedIsRecomputedWithIt() throws Exception {
        CountDownLatch computed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // a submission computes its deadline on the fallback (2027 unpublished) and has not committed yet
            Future<?> submission = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                Deadline due = deadlines.acceptDue(Instant.parse("2026-12-30T02:00:00Z"));
                assertEquals(new Deadline(LocalDate.of(2027, 1, 4), true), due);
                em.createNativeQuery("""
                        insert into rights_case (category, channel, status, description_cipher, description_key, received_union_id,
                                                 handling_union_id, submitted_by, submitted_at, accept_due, deadline_fallback)
                        values ('WAGE_ARREARS', 'APP', 'SUBMITTED', '\\x00', 'test', :union, :union, 'sub-fixture', '2026-12-30 10:00+08',
                                cast(:due as date), :fallback)""")
                        .setParameter("union", UNION).setParameter("due", due.day().toString()).setParameter("fallback", due.fallback())
                        .executeUpdate();
                computed.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            computed.await();
            Future<Result> publication = threads.submit(DeadlineRecomputationTests::publish2027);
            // the publication waits for the submission's transaction (the calendar's lock), then sees its case
            DemoData.awaitWaitingWriters(dataSource, 1);
            release.countDown();
            submission.get(30, TimeUnit.SECONDS);
            Result published = publication.get(30, TimeUnit.SECONDS);
            assertFalse(published.hasErrors(), published::toString);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
        long id = DemoData.queryLong(dataSource, "select id from rights_case");
        assertEquals("2027-01-05|null|f|1", deadlines(id));
        assertEquals(1, steps(id));
    }

    private long countedPublication() {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        Result published = publish2027();
        assertFalse(published.hasErrors(), published::toString);
        return statistics.getPrepareStatementCount();
    }
}
