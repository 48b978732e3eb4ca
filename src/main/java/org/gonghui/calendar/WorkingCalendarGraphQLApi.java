package org.gonghui.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.gonghui.security.Roles;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;

/** The working-day calendar: every official reads it, the national tier publishes each year's schedule. */
@GraphQLApi
@TranslateErrors
public class WorkingCalendarGraphQLApi {

    @Inject
    WorkingCalendarService calendars;

    @Query("workingCalendar")
    @Description("工作日历 (one year of the working-day calendar that rights-case deadlines are counted on: the published holidays and "
            + "make-up working days, or published = false when the year falls back to Monday to Friday). Officials of every tier.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public WorkingCalendarYear workingCalendar(
            @NonNull @Name("year") @Description("年份 (the year, from 2000 to today's year + 10).") Integer year) {
        return calendars.read(year);
    }

    @Mutation("setWorkingCalendar")
    @RateLimited
    @Description("发布工作日历 (publish or replace a year's schedule from the State Council's notice on public holidays: national officials only). "
            + "Open rights cases whose deadlines touch that year are recomputed in the same transaction (a DEADLINE_RECOMPUTED step where a "
            + "date moved). Audited.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public WorkingCalendarYear setWorkingCalendar(
            @NonNull @Name("year") @Description("年份 (the year, from 2000 to next year).") Integer year,
            @NonNull @Name("holidays") @Description("放假日期 (every day of the year's holiday periods, weekends within them included; at least one; "
                    + "each in the year, once).") List<@NonNull LocalDate> holidays,
            @NonNull @Name("makeUpWorkdays") @Description("调休上班日期 (the Saturdays and Sundays that are working days; each in the year, once, "
                    + "never a holiday; may be empty).") List<@NonNull LocalDate> makeUpWorkdays) {
        return calendars.set(year, holidays, makeUpWorkdays);
    }
}
