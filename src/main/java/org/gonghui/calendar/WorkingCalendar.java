package org.gonghui.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.gonghui.support.Dates;

/**
 * China's working days: Monday to Friday, except the State Council's public holidays, plus its make-up
 * working days (调休). The schedule of each year is data ({@code setWorkingCalendar}); a year without one
 * falls back to Monday to Friday, and every answer says whether it had to.
 *
 * <p>No cache: every call reads the schedules of the years it needs with one statement, on the caller's
 * transaction (so a schedule stored earlier in the same transaction counts, and another replica's
 * {@code setWorkingCalendar} is seen as soon as it commits). A transaction that computes deadlines holds
 * the calendar's shared lock until it ends, and {@code setWorkingCalendar} takes it exclusively: a deadline
 * is either stored before a new schedule and then recomputed with it, or computed from the new schedule.
 */
@ApplicationScoped
public class WorkingCalendar {

    /** The advisory lock between deadline computations (shared) and schedule changes (exclusive). */
    static final long CALENDAR_LOCK = 0x63616c656e646172L;
    private static final String LOCK_HELD = WorkingCalendar.class.getName() + ".lock";

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A day computed on the calendar; {@code fallback}: a year on the way had no schedule (Monday to Friday assumed). */
    public record Deadline(LocalDate day, boolean fallback) {}

    /** The {@code n}-th working day after {@code day} ({@code day} itself not counted; n ≥ 1). */
    public Deadline addWorkingDays(LocalDate day, int n) {
        return schedule(day.getYear(), day.getYear() + 1).addWorkingDays(day, n);
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return schedule(from.plusDays(1).getYear(), to.getYear()).workingDaysBetween(from, to);
    }

    public boolean isWorkingDay(LocalDate day) {
        return schedule(day.getYear(), day.getYear()).isWorkingDay(day);
    }

    /** This year and the next when they have no published schedule (shown in /q/health and the officials' queue). */
    public List<Integer> yearsWithoutSchedule() {
        int year = Dates.today().getYear();
        return schedule(year, year + 1).yearsWithoutSchedule(year, year + 1);
    }

    /**
     * The schedules of the years {@code fromYear..toYear}, read with one statement, for computing many days
     * at once (recomputing the deadlines of many cases); a walk past the last year read reads the next.
     */
    public Schedule schedule(int fromYear, int toYear) {
        Schedule schedule = new Schedule(this);
        schedule.load(fromYear, toYear);
        return schedule;
    }

    /** Takes the calendar's lock exclusively until the transaction ends (a schedule is about to change). */
    void lockExclusively() {
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", CALENDAR_LOCK).getSingleResult();
        transactions.putResource(LOCK_HELD, Boolean.TRUE);
    }

    /** Inside a transaction, the shared lock first (once per transaction): what it computes may be stored. */
    private void lockSharedOnce() {
        if (transactions.getTransactionKey() != null && transactions.getResource(LOCK_HELD) == null) {
            em.createNativeQuery("select pg_advisory_xact_lock_shared(:key)").setParameter("key", CALENDAR_LOCK).getSingleResult();
            transactions.putResource(LOCK_HELD, Boolean.TRUE);
        }
    }

    /** Rows (year, day or null, kind or null) of the published years within the range. */
    @SuppressWarnings("unchecked")
    private List<Object[]> read(int fromYear, int toYear) {
        lockSharedOnce();
        return em.createNativeQuery("""
                select y.year, d.day::text, d.kind from working_calendar_year y
                  left join working_calendar_day d on d.year = y.year
                 where y.year between :from and :to""")
                .setParameter("from", fromYear)
                .setParameter("to", toYear)
                .getResultList();
    }

    /**
     * The schedules of a range of years as read once: which years are published, their holidays and
     * make-up working days. Not shared between requests (it would go stale); a walk beyond the range reads
     * the following year (one more statement).
     */
    public static final class Schedule {

        /** No walk goes further than this many years ahead (a deadline is weeks away; this guards against a runaway n). */
        private static final int MAX_YEARS_AHEAD = 20;

        private final WorkingCalendar calendar;
        private final Set<Integer> published = new HashSet<>();
        private final Map<LocalDate, Boolean> exceptions = new HashMap<>();
        private int firstYear = Integer.MAX_VALUE;
        private int lastYear = Integer.MIN_VALUE;

        private Schedule(WorkingCalendar calendar) {
            this.calendar = calendar;
        }

        private void load(int fromYear, int toYear) {
            for (Object[] row : calendar.read(fromYear, toYear)) {
                published.add(((Number) row[0]).intValue());
                if (row[1] != null) {
                    exceptions.put(LocalDate.parse((String) row[1]), "MAKEUP_WORKDAY".equals(row[2]));
                }
            }
            firstYear = Math.min(firstYear, fromYear);
            lastYear = Math.max(lastYear, toYear);
        }

        /** Reads the years up to {@code year} if they were not read yet. */
        private void cover(int year) {
            if (year > lastYear) {
                if (year > firstYear + MAX_YEARS_AHEAD) {
                    throw new IllegalArgumentException("a working-day walk may not pass " + (firstYear + MAX_YEARS_AHEAD));
                }
                load(lastYear + 1, year);
            } else if (year < firstYear) {
                load(year, firstYear - 1);
            }
        }

        /** Whether the year has a published schedule. */
        public boolean isPublished(int year) {
            cover(year);
            return published.contains(year);
        }

        /** A make-up working day, or a Monday to Friday that is not a holiday. */
        public boolean isWorkingDay(LocalDate day) {
            cover(day.getYear());
            Boolean exception = exceptions.get(day);
            if (exception != null) {
                return exception;
            }
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        /** The {@code n}-th working day after {@code day}; fallback when a day walked over lies in a year without a schedule. */
        public Deadline addWorkingDays(LocalDate day, int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be at least 1");
            }
            LocalDate d = day;
            boolean fallback = false;
            for (int left = n; left > 0; ) {
                d = d.plusDays(1);
                fallback |= !isPublished(d.getYear());
                if (isWorkingDay(d)) {
                    left--;
                }
            }
            return new Deadline(d, fallback);
        }

        /** Working days after {@code from} up to and including {@code to}. */
        public int workingDaysBetween(LocalDate from, LocalDate to) {
            int days = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    days++;
                }
            }
            return days;
        }

        /** The years of the range without a published schedule, in order. */
        public List<Integer> yearsWithoutSchedule(int fromYear, int toYear) {
            List<Integer> missing = new ArrayList<>();
            for (int year = fromYear; year <= toYear; year++) {
                if (!isPublished(year)) {
                    missing.add(year);
                }
            }
            return missing;
        }
    }
}
