package org.gonghui.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * China's working days: Monday to Friday, except the State Council's public holidays, plus its make-up
 * working days (调休). The schedule of each year is data ({@code setWorkingCalendar}); a year without one
 * falls back to Monday to Friday, and every answer says whether it had to.
 *
 * <p>CONTRACT (issue 16): the signatures below are shared by the rights-case features; the body here is
 * the Monday-to-Friday fallback only, until the calendar's schedules land.
 */
@ApplicationScoped
public class WorkingCalendar {

    /** A day computed on the calendar; {@code fallback}: a year on the way had no schedule (Monday to Friday assumed). */
    public record Deadline(LocalDate day, boolean fallback) {}

    /** The {@code n}-th working day after {@code day} ({@code day} itself not counted; n ≥ 1). */
    public Deadline addWorkingDays(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return new Deadline(d, true);
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** This year and the next when they have no published schedule (shown in /q/health and the officials' queue). */
    public List<Integer> yearsWithoutSchedule() {
        int year = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        return List.of(year, year + 1);
    }
}
