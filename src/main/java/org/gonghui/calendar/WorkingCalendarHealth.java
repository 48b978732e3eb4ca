package org.gonghui.calendar;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.HealthGroup;

/**
 * The working-day calendar in /q/health: which of this year and next (Asia/Shanghai) have no published
 * schedule, so that deadlines there fall back to Monday to Friday. A missing schedule must not take a
 * replica out of rotation: this readiness check stays UP and carries the years as data (so /q/health and
 * /q/health/ready show them), while {@link Alert}, the group {@code working-calendar}
 * (/q/health/group/working-calendar, not part of /q/health), goes DOWN for monitoring to alert on until
 * the national tier publishes them.
 */
@Readiness
@ApplicationScoped
public class WorkingCalendarHealth implements HealthCheck {

    static final String NAME = "working-calendar";

    @Inject
    WorkingCalendar calendar;

    @Override
    @ActivateRequestContext
    public HealthCheckResponse call() {
        return response(calendar.yearsWithoutSchedule(), true);
    }

    static HealthCheckResponse response(List<Integer> missing, boolean alwaysUp) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(alwaysUp || missing.isEmpty())
                .withData("yearsWithoutSchedule", missing.stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (!missing.isEmpty()) {
            response.withData("fallback", "无工作日历, 按周一至周五计算 (no published schedule: deadlines count Monday to Friday; publish it with setWorkingCalendar)");
        }
        return response.build();
    }

    /** DOWN while this year or next has no published schedule; outside /q/health, readiness and liveness. */
    @HealthGroup(NAME)
    @ApplicationScoped
    public static class Alert implements HealthCheck {

        @Inject
        WorkingCalendar calendar;

        @Override
        @ActivateRequestContext
        public HealthCheckResponse call() {
            return response(calendar.yearsWithoutSchedule(), false);
        }
    }
}
