package org.gonghui.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.gonghui.calendar.WorkingCalendar;
import org.gonghui.calendar.WorkingCalendar.Deadline;

/**
 * The deadlines of a rights case on the working-day calendar: acceptance within 3 working days of
 * submission, resolution within a per-category number of working days of acceptance.
 *
 * <p>CONTRACT (issue 16): signatures shared by the rights-case features. The per-category numbers
 * become configuration with the calendar's part.
 */
@ApplicationScoped
public class RightsDeadlines {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final int ACCEPT_WORKING_DAYS = 3;

    @Inject
    WorkingCalendar calendar;

    /** The last day to accept (or decline) a case submitted at {@code submittedAt}. */
    public Deadline acceptDue(Instant submittedAt) {
        return calendar.addWorkingDays(day(submittedAt), ACCEPT_WORKING_DAYS);
    }

    /** The last day to resolve a case of {@code category} accepted at {@code acceptedAt}. */
    public Deadline resolveDue(RightsCaseCategory category, Instant acceptedAt) {
        return calendar.addWorkingDays(day(acceptedAt), resolveWorkingDays(category));
    }

    /** Working days the resolution took (stored on the case when it is resolved). */
    public int workingDaysTaken(Instant acceptedAt, Instant resolvedAt) {
        return calendar.workingDaysBetween(day(acceptedAt), day(resolvedAt));
    }

    /** Working days allowed to resolve a case of {@code category}: 15 by default, LEGAL_AID 30. */
    public int resolveWorkingDays(RightsCaseCategory category) {
        return category == RightsCaseCategory.LEGAL_AID ? 30 : 15;
    }

    public static LocalDate day(Instant at) {
        return at.atZone(CHINA).toLocalDate();
    }
}
