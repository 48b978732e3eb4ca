package org.gonghui.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.calendar.WorkingCalendar.Deadline;
import org.gonghui.support.Dates;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The national tier publishes a year (2027 here: no schedule is shipped for it; the days are an example, not
 * the State Council's): deadlines use it at once, a second call replaces it, both are audited, and every
 * malformed list is VALIDATION naming the argument and item, with nothing stored.
 */
@QuarkusTestWithOidc
class PublishWorkingCalendarTests {

    static final String SET = "mutation($y: Int!, $h: [Date!]!, $m: [Date!]!) { setWorkingCalendar(year: $y, holidays: $h, makeUpWorkdays: $m) "
            + "{ year published holidays makeUpWorkdays workingDays version updatedAt } }";
    static final List<String> HOLIDAYS_2027 = List.of("2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
            "2027-02-10", "2027-02-11", "2027-02-12");

    @Inject
    DataSource dataSource;

    @Inject
    WorkingCalendar calendar;

    /** Removes every year the tests published (only 2025 and 2026 are shipped) and restores the demo data and audit trail. */
    @AfterEach
    void restore() {
        DemoData.execute(dataSource, "delete from working_calendar_year where year > 2026");
        DemoData.restore(dataSource);
    }

    static Result set(String user, int year, List<String> holidays, List<String> makeUp) {
        return GraphQLClient.post(user == null ? null : Tokens.forDemoUser(user), SET, Map.of("y", year, "h", holidays, "m", makeUp));
    }

    long audited(int year) {
        return DemoData.queryLong(dataSource, "select count(*) from audit_event where operation = 'setWorkingCalendar' and target_id = " + year);
    }

    @Test
    void aNationalOfficialPublishesNextYearAndDeadlinesUseItAtOnce() {
        assertEquals(new Deadline(LocalDate.of(2027, 1, 1), true), calendar.addWorkingDays(LocalDate.of(2026, 12, 29), 3));
        Result published = set("quanzong", 2027, HOLIDAYS_2027, List.of("2027-02-20"));
        assertFalse(published.hasErrors(), published::toString);
        assertEquals(true, published.data("setWorkingCalendar.published"));
        assertEquals(HOLIDAYS_2027, published.data("setWorkingCalendar.holidays"));
        assertEquals(List.of("2027-02-20"), published.data("setWorkingCalendar.makeUpWorkdays"));
        // 2027 starts on a Friday: 261 weekdays − 7 weekday holidays + 1 make-up Saturday
        assertEquals(255, (int) published.data("setWorkingCalendar.workingDays"));
        assertEquals(0, (int) published.data("setWorkingCalendar.version"));
        // 12-30, 12-31, New Year's Day off, Monday 2027-01-04; no longer a fallback
        assertEquals(new Deadline(LocalDate.of(2027, 1, 4), false), calendar.addWorkingDays(LocalDate.of(2026, 12, 29), 3));
        assertEquals(1, audited(2027));
        String changes = DemoData.queryString(dataSource, "select changes::text from audit_event where operation = 'setWorkingCalendar'");
        assertTrue(changes.contains("2027-02-20") && changes.contains("\"published\""), changes);
    }

    @Test
    void publishingAgainReplacesTheYearsDaysAndIsAuditedAgain() {
        assertFalse(set("quanzong", 2027, HOLIDAYS_2027, List.of("2027-02-20")).hasErrors());
        Result replaced = set("quanzong", 2027, List.of("2027-01-01"), List.of());
        assertFalse(replaced.hasErrors(), replaced::toString);
        assertEquals(List.of("2027-01-01"), replaced.data("setWorkingCalendar.holidays"));
        assertEquals(List.of(), replaced.data("setWorkingCalendar.makeUpWorkdays"));
        assertEquals(1, (int) replaced.data("setWorkingCalendar.version"));
        assertEquals(1, DemoData.queryLong(dataSource, "select count(*) from working_calendar_day where year = 2027"));
        assertEquals(2, audited(2027));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2027, 2, 8)), "a Monday that is no longer a holiday");
    }

    @Test
    void holidaysMayFallOnWeekendsAsTheNoticesListThem() {
        // 2026's Qingming period 04-04..04-06 starts on a Saturday; here 2027-01-02 and 01-03 (a weekend) within New Year
        Result published = set("quanzong", 2027, List.of("2027-01-01", "2027-01-02", "2027-01-03"), List.of());
        assertFalse(published.hasErrors(), published::toString);
        assertEquals(3, published.json().getList("data.setWorkingCalendar.holidays").size());
    }

    /** One refused call: the arguments and the path its message must start with. */
    record Refused(int year, List<String> holidays, List<String> makeUp, String path) {
    }

    @Test
    void malformedSchedulesAreValidationNamingTheItemAndStoreNothing() {
        int next = Dates.today().getYear() + 1;
        List<Refused> refused = List.of(
                new Refused(1999, List.of("2027-01-01"), List.of(), "year"),
                new Refused(next + 1, List.of(), List.of(), "year"),
                new Refused(2027, List.of("2027-01-01", "2026-12-31"), List.of(), "holidays[1]"),
                new Refused(2027, List.of("2027-01-01", "2027-02-05", "2027-01-01"), List.of(), "holidays[2]"),
                new Refused(2027, List.of(), List.of(), "holidays"),
                new Refused(2027, List.of("2027-01-01"), List.of("2027-02-20", "2027-01-04"), "makeUpWorkdays[1]"),
                new Refused(2027, List.of("2027-02-06"), List.of("2027-02-06"), "makeUpWorkdays[0]"),
                new Refused(2027, List.of("2027-01-01"), List.of("2027-02-20", "2027-02-20"), "makeUpWorkdays[1]"),
                new Refused(2027, List.of("2027-02-30"), List.of(), "holidays[0]"),
                new Refused(2027, List.of("2027-1-1"), List.of(), "holidays[0]"),
                new Refused(2027, List.of("2027-01-01"), List.of("2099-01-03"), "makeUpWorkdays[0]"));
        String before = DemoData.fingerprint(dataSource);
        for (Refused r : refused) {
            Result result = set("quanzong", r.year(), r.holidays(), r.makeUp());
            assertEquals(200, result.status(), result::toString);
            assertEquals("VALIDATION", result.errorCode(), () -> r + " → " + result);
            assertTrue(result.errorMessage().startsWith(r.path() + ": "), () -> r + " → " + result);
            assertNull(result.data("setWorkingCalendar"), result::toString);
        }
        assertEquals(before, DemoData.fingerprint(dataSource), "a refused schedule changed the calendar or the audit trail");
        assertEquals(0, DemoData.queryLong(dataSource, "select count(*) from working_calendar_year where year > 2026"));
    }

    @Test
    void onlyNationalOfficialsPublish() {
        String before = DemoData.fingerprint(dataSource);
        for (String official : List.of("henan", "luoyang", "jili", "heyang", "shunda")) {
            Result refused = set(official, 2027, HOLIDAYS_2027, List.of());
            assertEquals("FORBIDDEN", refused.errorCode(), refused::toString);
            assertNull(refused.data("setWorkingCalendar"), refused::toString);
        }
        assertEquals("FORBIDDEN", set("worker", 2027, HOLIDAYS_2027, List.of()).errorCode());
        assertEquals("UNAUTHENTICATED", set(null, 2027, HOLIDAYS_2027, List.of()).errorCode());
        assertEquals(before, DemoData.fingerprint(dataSource));
    }
}
