package org.gonghui.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** One year of the working-day calendar as officials read it: its schedule, or the Monday-to-Friday fallback. */
@Type("WorkingCalendarYear")
@Description("工作日历 (one year of the working-day calendar: the State Council's holidays and make-up working days, "
        + "or, without a published schedule, Monday to Friday)")
public class WorkingCalendarYear {

    @NonNull
    @Description("年份 (the year).")
    public int year;

    @NonNull
    @Description("是否已发布 (whether the year has a published schedule; false: deadlines in this year count Monday to Friday "
            + "and are marked as fallback until the national tier publishes it with setWorkingCalendar).")
    public boolean published;

    @NonNull
    @Description("放假日期 (every day of the year's holiday periods, weekends within them included, in order; empty when not published).")
    public List<@NonNull LocalDate> holidays;

    @NonNull
    @Description("调休上班日期 (make-up working days: Saturdays and Sundays that are working days, in order; empty when not published).")
    public List<@NonNull LocalDate> makeUpWorkdays;

    @NonNull
    @Description("全年工作日天数 (working days in the year on this calendar, make-up working days included).")
    public int workingDays;

    @Description("发布时间 (when the schedule was last published or replaced; null when not published).")
    public OffsetDateTime updatedAt;

    @Description("版本 (how many times the schedule was replaced since it was first stored; null when not published).")
    public Integer version;
}
