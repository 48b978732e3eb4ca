package org.gonghui.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.Dates;
import org.gonghui.support.ValidationException;

/** An inclusive range of calendar months (Asia/Shanghai). */
public record MonthRange(YearMonth from, YearMonth to) {

    /** Longest range a query may ask for. */
    public static final int MAX_MONTHS = 120;

    /** The months as given by a client. */
    @Input("MonthRangeInput")
    @Description("日历月区间 (an inclusive range of calendar months in Asia/Shanghai, at most 120 months), e.g. from \"2026-01\" to \"2026-12\".")
    public static class In {
        @NonNull
        @Description("First month, YYYY-MM.")
        public String from;

        @NonNull
        @Description("Last month, YYYY-MM; not before `from`.")
        public String to;

        public In() {
        }

        public In(String from, String to) {
            this.from = from;
            this.to = to;
        }
    }

    /** The given range, or January to the month of {@code day} when none is given. */
    public static MonthRange orYearTo(In input, String field, LocalDate day) {
        return input == null ? new MonthRange(YearMonth.of(day.getYear(), 1), YearMonth.from(day))
                : of(field + ".from", input.from, field + ".to", input.to);
    }

    public static MonthRange of(String fromField, String from, String toField, String to) {
        MonthRange range = new MonthRange(month(fromField, from), month(toField, to));
        if (range.to.isBefore(range.from)) {
            throw new ValidationException(toField + ": 结束月份早于开始月份 (the last month is before the first)");
        }
        if (range.months() > MAX_MONTHS) {
            throw new ValidationException(toField + ": 区间过长 — at most " + MAX_MONTHS + " months, got " + range.months());
        }
        return range;
    }

    public static YearMonth month(String field, String text) {
        return Dates.month(field, text);
    }

    public long months() {
        return ChronoUnit.MONTHS.between(from, to) + 1;
    }

    public boolean contains(YearMonth month) {
        return !month.isBefore(from) && !month.isAfter(to);
    }
}
