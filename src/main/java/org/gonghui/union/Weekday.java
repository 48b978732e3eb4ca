package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;

/** A day of the week, for opening hours. */
@Description("星期 (day of the week)")
public enum Weekday {
    @Description("星期一 (Monday)")
    MONDAY,
    @Description("星期二 (Tuesday)")
    TUESDAY,
    @Description("星期三 (Wednesday)")
    WEDNESDAY,
    @Description("星期四 (Thursday)")
    THURSDAY,
    @Description("星期五 (Friday)")
    FRIDAY,
    @Description("星期六 (Saturday)")
    SATURDAY,
    @Description("星期日 (Sunday)")
    SUNDAY
}
