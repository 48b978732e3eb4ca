package org.gonghui.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.gonghui.calendar.WorkingCalendar;
import org.gonghui.calendar.WorkingCalendar.Deadline;
import org.gonghui.calendar.WorkingCalendar.Schedule;

import io.quarkus.runtime.StartupEvent;

/**
 * The deadlines of a rights case on the working-day calendar: acceptance within 3 working days of
 * submission, resolution within a per-category number of working days of acceptance
 * ({@link ResolveWorkingDays}: 15 by default, LEGAL_AID 30).
 */
@ApplicationScoped
public class RightsDeadlines {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final int ACCEPT_WORKING_DAYS = 3;
    /** The most working days a category may be given (about a year and a half). */
    static final int MAX_RESOLVE_WORKING_DAYS = 365;

    @Inject
    WorkingCalendar calendar;

    @Inject
    ResolveWorkingDays resolveDays;

    /** A configured number outside 1..365 stops the service at start, not the first acceptance. */
    void checkConfiguration(@Observes StartupEvent start) {
        check(resolveDays);
    }

    static void check(ResolveWorkingDays resolveDays) {
        for (RightsCaseCategory category : RightsCaseCategory.values()) {
            int days = resolveDays.of(category);
            if (days < 1 || days > MAX_RESOLVE_WORKING_DAYS) {
                throw new IllegalStateException("gonghui.rights.resolve-working-days for " + category + " is " + days + ": it must lie from 1 to "
                        + MAX_RESOLVE_WORKING_DAYS);
            }
        }
    }

    /** The last day to accept (or decline) a case submitted at {@code submittedAt}. */
    public Deadline acceptDue(Instant submittedAt) {
        return calendar.addWorkingDays(day(submittedAt), ACCEPT_WORKING_DAYS);
    }

    /** The last day to resolve a case of {@code category} accepted at {@code acceptedAt}. */
    public Deadline resolveDue(RightsCaseCategory category, Instant acceptedAt) {
        return calendar.addWorkingDays(day(acceptedAt), resolveWorkingDays(category));
    }

    /** {@link #acceptDue(Instant)} on schedules already read (recomputing many cases at once). */
    public Deadline acceptDue(Schedule schedule, Instant submittedAt) {
        return schedule.addWorkingDays(day(submittedAt), ACCEPT_WORKING_DAYS);
    }

    /** {@link #resolveDue(RightsCaseCategory, Instant)} on schedules already read. */
    public Deadline resolveDue(Schedule schedule, RightsCaseCategory category, Instant acceptedAt) {
        return schedule.addWorkingDays(day(acceptedAt), resolveWorkingDays(category));
    }

    /** Working days the resolution took (stored on the case when it is resolved). */
    public int workingDaysTaken(Instant acceptedAt, Instant resolvedAt) {
        return calendar.workingDaysBetween(day(acceptedAt), day(resolvedAt));
    }

    /** Working days allowed to resolve a case of {@code category} (configuration; 15 by default, LEGAL_AID 30). */
    public int resolveWorkingDays(RightsCaseCategory category) {
        return resolveDays.of(category);
    }

    public static LocalDate day(Instant at) {
        return at.atZone(CHINA).toLocalDate();
    }
}
