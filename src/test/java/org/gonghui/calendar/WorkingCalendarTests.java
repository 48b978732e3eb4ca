package org.gonghui.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.gonghui.calendar.WorkingCalendar.Deadline;
import org.gonghui.rights.RightsCaseCategory;
import org.gonghui.rights.RightsDeadlines;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Deadlines on the shipped 2025 and 2026 schedules (国务院办公厅 notices): a national holiday is not
 * counted, a make-up working day on a weekend is, a day is the Asia/Shanghai day, and a year without a
 * schedule counts Monday to Friday and says so. Officials read the calendar with workingCalendar(year).
 */
@QuarkusTestWithOidc
class WorkingCalendarTests {

    static final String READ = "query($y: Int!) { workingCalendar(year: $y) { year published holidays makeUpWorkdays workingDays updatedAt version } }";

    @Inject
    WorkingCalendar calendar;

    @Inject
    RightsDeadlines deadlines;

    @Inject
    SessionFactory sessionFactory;

    static Instant shanghai(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), RightsDeadlines.CHINA).toInstant();
    }

    @Test
    void aCaseSubmittedBeforeNationalDay2025IsDueOnTheMakeUpSaturdayAfterTheEightDayHoliday() {
        // 10-01..10-08 are holidays (国庆节、中秋节); Thursday 10-09 and Friday 10-10 count; Saturday 10-11 is a make-up working day
        Deadline due = deadlines.acceptDue(shanghai("2025-09-30T15:00"));
        assertEquals(new Deadline(LocalDate.of(2025, 10, 11), false), due);
    }

    @Test
    void theMakeUpSunday28September2025IsAWorkingDay() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 9, 28)));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 9, 27)), "an ordinary Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, 6)), "a Monday inside the National Day holiday");
        // from Friday 09-26: Saturday 09-27 no, Sunday 09-28 (make-up) 1, Monday 2, Tuesday 3
        assertEquals(new Deadline(LocalDate.of(2025, 9, 30), false), calendar.addWorkingDays(LocalDate.of(2025, 9, 26), 3));
    }

    @Test
    void theDayOfASubmissionIsTheDayInChinaNotInUtc() {
        // 2025-09-29T16:30Z is already Tuesday 2025-09-30 00:30 in Beijing: counted from the 30th, not from the 29th
        assertEquals(LocalDate.of(2025, 10, 11), deadlines.acceptDue(Instant.parse("2025-09-29T16:30:00Z")).day());
        assertEquals(LocalDate.of(2025, 10, 10), deadlines.acceptDue(Instant.parse("2025-09-29T15:30:00Z")).day());
    }

    @Test
    void resolutionCountsFifteenWorkingDaysByDefaultAcrossTheSpringFestival2026() {
        // accepted Friday 2026-02-13: 02-14 (make-up Saturday) 1; 02-15..02-23 holidays; 02-24..02-27 2-5; 02-28 (make-up) 6;
        // 03-02..03-06 7-11; 03-09..03-12 12-15
        Deadline due = deadlines.resolveDue(RightsCaseCategory.WAGE_ARREARS, shanghai("2026-02-13T10:00"));
        assertEquals(new Deadline(LocalDate.of(2026, 3, 12), false), due);
        assertEquals(15, deadlines.resolveWorkingDays(RightsCaseCategory.WAGE_ARREARS));
    }

    @Test
    void legalAidHasThirtyWorkingDaysFromConfiguration() {
        assertEquals(30, deadlines.resolveWorkingDays(RightsCaseCategory.LEGAL_AID));
        // accepted Friday 2026-02-13: the 15th working day is 03-12 (above); 03-13 16, 03-16..03-20 17-21, 03-23..03-27 22-26, 03-30..04-02 27-30
        assertEquals(new Deadline(LocalDate.of(2026, 4, 2), false), deadlines.resolveDue(RightsCaseCategory.LEGAL_AID, shanghai("2026-02-13T10:00")));
    }

    @Test
    void workingDaysTakenSkipTheHolidayAndCountTheMakeUpDay() {
        // accepted 2025-09-26, resolved 2025-10-11: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11
        assertEquals(6, deadlines.workingDaysTaken(shanghai("2025-09-26T09:00"), shanghai("2025-10-11T17:00")));
        assertEquals(0, deadlines.workingDaysTaken(shanghai("2025-10-01T09:00"), shanghai("2025-10-08T17:00")));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2025, 10, 11), LocalDate.of(2025, 10, 1)));
    }

    @Test
    void aYearWithoutScheduleCountsMondayToFridayAndSaysSo() {
        // 2030 has no schedule: Monday 09-30, then Tuesday 10-01 (no National Day assumed), Wednesday, Thursday
        assertEquals(new Deadline(LocalDate.of(2030, 10, 3), true), calendar.addWorkingDays(LocalDate.of(2030, 9, 30), 3));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2030, 10, 5)), "a Saturday");
    }

    @Test
    void aDeadlineThatWalksIntoAYearWithoutScheduleIsMarkedFallback() {
        // 2027 has no shipped schedule (tests that publish it remove it again): from Tuesday 2026-12-29, Wednesday 12-30,
        // Thursday 12-31, then Friday 2027-01-01 on Monday to Friday
        assertEquals(new Deadline(LocalDate.of(2027, 1, 1), true), calendar.addWorkingDays(LocalDate.of(2026, 12, 29), 3));
        assertEquals(new Deadline(LocalDate.of(2026, 12, 24), false), calendar.addWorkingDays(LocalDate.of(2026, 12, 21), 3));
    }

    @Test
    void officialsOfEveryTierReadTheShippedSchedules() {
        for (String official : List.of("quanzong", "henan", "jili", "shunda")) {
            Result y2025 = GraphQLClient.post(Tokens.forDemoUser(official), READ, Map.of("y", 2025));
            assertFalse(y2025.hasErrors(), y2025::toString);
            assertEquals(true, y2025.data("workingCalendar.published"));
            // 1 + 8 + 3 + 5 + 3 + 8 days of holiday periods; five make-up days
            assertEquals(28, y2025.json().getList("data.workingCalendar.holidays").size(), y2025::toString);
            assertEquals(List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"), y2025.data("workingCalendar.makeUpWorkdays"));
            // 261 weekdays − 18 weekday holidays + 5 make-up days
            assertEquals(248, (int) y2025.data("workingCalendar.workingDays"));
        }
        Result y2026 = GraphQLClient.post(Tokens.forDemoUser("jili"), READ, Map.of("y", 2026));
        assertFalse(y2026.hasErrors(), y2026::toString);
        List<String> holidays = y2026.data("workingCalendar.holidays");
        assertEquals(33, holidays.size(), y2026::toString);
        assertTrue(holidays.containsAll(List.of("2026-02-15", "2026-02-23", "2026-09-25", "2026-10-07")), y2026::toString);
        assertEquals(List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"), y2026.data("workingCalendar.makeUpWorkdays"));
        // 261 weekdays − 19 weekday holidays + 6 make-up days
        assertEquals(248, (int) y2026.data("workingCalendar.workingDays"));
    }

    @Test
    void readingAYearIsOneStatement() {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        Result result = GraphQLClient.post(Tokens.forDemoUser("jili"), READ, Map.of("y", 2026));
        assertFalse(result.hasErrors(), result::toString);
        assertEquals(1, statistics.getPrepareStatementCount(), "the year, its days and its working days in one statement");
    }

    @Test
    void anUnpublishedYearReadsAsMondayToFridayWithoutDays() {
        Result y2030 = GraphQLClient.post(Tokens.forDemoUser("jili"), READ, Map.of("y", 2030));
        assertFalse(y2030.hasErrors(), y2030::toString);
        assertEquals(false, y2030.data("workingCalendar.published"));
        assertEquals(List.of(), y2030.data("workingCalendar.holidays"));
        assertEquals(List.of(), y2030.data("workingCalendar.makeUpWorkdays"));
        assertEquals(261, (int) y2030.data("workingCalendar.workingDays"), "2030 has 261 weekdays");
        assertNull(y2030.data("workingCalendar.version"));
    }

    @Test
    void readingAYearOutOfRangeIsValidationNamingTheYear() {
        for (int year : List.of(1999, LocalDate.now(RightsDeadlines.CHINA).getYear() + 11)) {
            Result result = GraphQLClient.post(Tokens.forDemoUser("jili"), READ, Map.of("y", year));
            assertEquals("VALIDATION", result.errorCode(), result::toString);
            assertTrue(result.errorMessage().startsWith("year:"), result::toString);
            assertNull(result.data("workingCalendar"));
        }
    }

    @Test
    void membersAndAnonymousCallersCannotReadTheCalendar() {
        Result member = GraphQLClient.post(Tokens.forDemoUser("worker"), READ, Map.of("y", 2026));
        assertEquals("FORBIDDEN", member.errorCode(), member::toString);
        Result anonymous = GraphQLClient.post(null, READ, Map.of("y", 2026));
        assertEquals("UNAUTHENTICATED", anonymous.errorCode(), anonymous::toString);
    }
}
