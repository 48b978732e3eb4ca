package org.gonghui.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.gonghui.audit.AuditLog;
import org.gonghui.security.Caller;
import org.gonghui.security.CallerScope;
import org.gonghui.security.Tier;
import org.gonghui.support.Dates;
import org.gonghui.support.ForbiddenException;
import org.gonghui.support.ValidationException;

/**
 * Reads and publishes the working-day calendar: officials read any year, the national tier replaces a
 * year's schedule (audited), and the change is announced in the same transaction
 * ({@link WorkingCalendarChanged}) so that open deadlines are recomputed with it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkingCalendarService {

    /** The first year a schedule may be stored for (the service keeps no records before 2000). */
    static final int FIRST_YEAR = Dates.RECORDS_FROM.getYear();
    /** Officials may read this many years ahead (all of them fall back to Monday to Friday until published). */
    static final int READ_YEARS_AHEAD = 10;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Event<WorkingCalendarChanged> changed;

    /** One year of the calendar, published or not; officials only. */
    public WorkingCalendarYear read(int year) {
        caller.official();
        checkYear(year, Dates.today().getYear() + READ_YEARS_AHEAD, "today's year + " + READ_YEARS_AHEAD);
        return view(year);
    }

    /**
     * Replaces the schedule of {@code year}: national officials only (FORBIDDEN for the other tiers and
     * members). Every day must lie in that year and appear once; make-up working days are Saturdays or
     * Sundays and never holidays; at least one holiday. Holidays may fall on weekends (the notice's
     * periods include them).
     */
    @Transactional
    public WorkingCalendarYear set(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {
        CallerScope official = caller.official();
        if (official.tier() != Tier.NATIONAL) {
            throw new ForbiddenException("仅限全国总工会发布工作日历 (only national officials publish the working-day calendar)");
        }
        checkYear(year, Dates.today().getYear() + 1, "next year");
        TreeSet<LocalDate> holidayDays = days("holidays", year, holidays);
        TreeSet<LocalDate> makeUpDays = days("makeUpWorkdays", year, makeUpWorkdays);
        if (holidayDays.isEmpty()) {
            throw new ValidationException("holidays: 至少须有一天 (a schedule lists at least one holiday)");
        }
        for (int i = 0; i < makeUpWorkdays.size(); i++) {
            LocalDate day = makeUpWorkdays.get(i);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new ValidationException("makeUpWorkdays[" + i + "]: 调休上班日须为周六或周日 (a make-up working day is a Saturday or a Sunday)");
            }
            if (holidayDays.contains(day)) {
                throw new ValidationException("makeUpWorkdays[" + i + "]: 同一天不能既放假又上班 (a day cannot be both a holiday and a make-up working day)");
            }
        }
        calendar.lockExclusively();
        WorkingCalendarYear before = view(year);
        em.createNativeQuery("""
                insert into working_calendar_year as y (year, published_by) values (:year, :by)
                on conflict (year) do update set published_by = excluded.published_by, updated_at = now(), version = y.version + 1""")
                .setParameter("year", year)
                .setParameter("by", caller.subject())
                .executeUpdate();
        em.createNativeQuery("delete from working_calendar_day where year = :year").setParameter("year", year).executeUpdate();
        em.createNativeQuery("""
                insert into working_calendar_day (day, year, kind)
                select d, :year, 'HOLIDAY' from unnest(cast(:holidays as date[])) d
                union all
                select d, :year, 'MAKEUP_WORKDAY' from unnest(cast(:makeUp as date[])) d""")
                .setParameter("year", year)
                .setParameter("holidays", array(holidayDays))
                .setParameter("makeUp", array(makeUpDays))
                .executeUpdate();
        WorkingCalendarYear after = view(year);
        audit.record("setWorkingCalendar", "WorkingCalendar", year, official.unionId(), official.unionPath(), auditFields(before), auditFields(after));
        changed.fire(new WorkingCalendarChanged(year));
        return after;
    }

    private static void checkYear(int year, int last, String lastText) {
        if (year < FIRST_YEAR || year > last) {
            throw new ValidationException("year: 年份超出允许范围 (must lie from " + FIRST_YEAR + " to " + lastText + ", " + last + ")");
        }
    }

    /** The days of a list, each in {@code year} and listed once; VALIDATION naming the item otherwise (never its value). */
    private static TreeSet<LocalDate> days(String field, int year, List<LocalDate> list) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            LocalDate day = list.get(i);
            if (day == null || day.getYear() != year) {
                throw new ValidationException(field + "[" + i + "]: 日期须在" + year + "年内 (every day must lie in " + year + ")");
            }
            if (!days.add(day)) {
                throw new ValidationException(field + "[" + i + "]: 日期重复 (a day is listed twice)");
            }
        }
        return days;
    }

    private static String array(Set<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** The year as stored (one statement), with its working days counted. */
    @SuppressWarnings("unchecked")
    WorkingCalendarYear view(int year) {
        List<Object[]> rows = em.createNativeQuery("""
                select to_char(y.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), y.version, d.day::text, d.kind
                  from (select cast(:year as integer) as year) q
                  left join working_calendar_year y on y.year = q.year
                  left join working_calendar_day d on d.year = y.year
                 order by d.day""")
                .setParameter("year", year)
                .getResultList();
        WorkingCalendarYear view = new WorkingCalendarYear();
        view.year = year;
        view.holidays = new ArrayList<>();
        view.makeUpWorkdays = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[0] != null) {
                view.published = true;
                view.updatedAt = OffsetDateTime.parse((String) row[0]);
                view.version = ((Number) row[1]).intValue();
            }
            if (row[2] != null) {
                LocalDate day = LocalDate.parse((String) row[2]);
                ("MAKEUP_WORKDAY".equals(row[3]) ? view.makeUpWorkdays : view.holidays).add(day);
            }
        }
        view.workingDays = workingDays(year, new HashSet<>(view.holidays), new HashSet<>(view.makeUpWorkdays));
        return view;
    }

    /** Monday to Friday of the year, less the holidays, plus the make-up working days. */
    static int workingDays(int year, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        int days = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (makeUpWorkdays.contains(d) || weekday && !holidays.contains(d)) {
                days++;
            }
        }
        return days;
    }

    private static Map<String, String> auditFields(WorkingCalendarYear view) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("published", String.valueOf(view.published));
        fields.put("holidays", view.holidays.stream().map(LocalDate::toString).collect(Collectors.joining(",")));
        fields.put("makeUpWorkdays", view.makeUpWorkdays.stream().map(LocalDate::toString).collect(Collectors.joining(",")));
        return fields;
    }
}
