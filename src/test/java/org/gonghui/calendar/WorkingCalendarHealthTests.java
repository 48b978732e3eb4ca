package org.gonghui.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.gonghui.support.Dates;
import org.gonghui.testing.DemoData;
import org.gonghui.testing.GraphQLClient;
import org.gonghui.testing.GraphQLClient.Result;
import org.gonghui.testing.QuarkusTestWithOidc;
import org.gonghui.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * /q/health names this year and next when they have no schedule, without taking the service out of
 * rotation: readiness stays UP with the years as data, the group working-calendar is DOWN until both are
 * published, then UP.
 */
@QuarkusTestWithOidc
class WorkingCalendarHealthTests {

    static final String CHECK = "checks.find { it.name == 'working-calendar' }";

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        DemoData.execute(dataSource, "delete from working_calendar_year where year > 2026");
        DemoData.restore(dataSource);
    }

    /** This year and next (Asia/Shanghai) without a row; only 2025 and 2026 are shipped. */
    static List<Integer> missing() {
        int year = Dates.today().getYear();
        return IntStream.of(year, year + 1).filter(y -> y > 2026).boxed().toList();
    }

    static String text(List<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Test
    void aYearWithoutScheduleShowsInHealthButReadinessStaysUp() {
        String expected = text(missing());
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.yearsWithoutSchedule", equalTo(expected));
        given().get("/q/health").then()
                .body(CHECK + ".data.yearsWithoutSchedule", equalTo(expected));
        if (!expected.isEmpty()) {
            given().get("/q/health/group/working-calendar").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body(CHECK + ".data.yearsWithoutSchedule", equalTo(expected))
                    .body(CHECK + ".data.fallback", startsWith("无工作日历"));
        }
    }

    @Test
    void theAlertClearsOnceThisYearAndNextArePublished() {
        for (int year : missing()) {
            Result published = GraphQLClient.post(Tokens.forDemoUser("quanzong"), PublishWorkingCalendarTests.SET,
                    Map.of("y", year, "h", List.of(year + "-01-01"), "m", List.of()));
            assertFalse(published.hasErrors(), published::toString);
        }
        given().get("/q/health/group/working-calendar").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(CHECK + ".data.yearsWithoutSchedule", equalTo(""));
        given().get("/q/health/ready").then().statusCode(200)
                .body(CHECK + ".data.yearsWithoutSchedule", equalTo(""));
    }
}
