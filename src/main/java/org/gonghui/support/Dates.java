package org.gonghui.support;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The accepted range of every date and month a client sends, in one table (the README's "Dates and
 * months" table is this one), enforced for every request by {@link StrictInputs}. A day or month is
 * keyed by its input type and field ({@code MemberFilter.joinedFrom}) or by its field and argument
 * ({@code statistics(asOf)}); "today" and "this month" are Asia/Shanghai. Refusals are VALIDATION
 * naming the argument path and the range, never repeating the value.
 */
public final class Dates {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The All-China Federation of Trade Unions was founded on 1 May 1925: no membership is older. */
    public static final LocalDate ACFTU_FOUNDED = LocalDate.of(1925, 5, 1);
    /** The first day of records this service keeps of its own (grants, counts, figures as of a day). */
    public static final LocalDate RECORDS_FROM = LocalDate.of(2000, 1, 1);

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    /** An inclusive range; its upper end depends on today. */
    record Range(LocalDate min, Function<LocalDate, LocalDate> max, String maxText) {
    }

    private static Range until(LocalDate min, Function<LocalDate, LocalDate> max, String maxText) {
        return new Range(min, max, maxText);
    }

    private static final Range TO_TODAY_SINCE_ACFTU = until(ACFTU_FOUNDED, today -> today, "today");
    private static final Range TO_TODAY_SINCE_2000 = until(RECORDS_FROM, today -> today, "today");
    private static final Range PLANNED = until(RECORDS_FROM, today -> today.plusYears(5), "today + 5 years");
    private static final Range DUE = until(RECORDS_FROM, today -> today.plusYears(10), "today + 10 years");

    /** Days: every Date argument and input field of the schema (DateRangesTests walks the schema against it). */
    static final Map<String, Range> DAYS = Map.ofEntries(
            Map.entry("MemberFilter.joinedFrom", TO_TODAY_SINCE_ACFTU),
            Map.entry("MemberFilter.joinedTo", TO_TODAY_SINCE_ACFTU),
            Map.entry("CreateUnionInput.establishedOn", until(LocalDate.of(1900, 1, 1), today -> today, "today")),
            Map.entry("UpdateUnionInput.establishedOn", until(LocalDate.of(1900, 1, 1), today -> today, "today")),
            Map.entry("CreateUnionInput.chairTermEnd", until(LocalDate.of(1950, 1, 1), today -> today.plusYears(10), "today + 10 years")),
            Map.entry("UpdateUnionInput.chairTermEnd", until(LocalDate.of(1950, 1, 1), today -> today.plusYears(10), "today + 10 years")),
            Map.entry("CreateServiceProgramInput.periodStart", PLANNED),
            Map.entry("CreateServiceProgramInput.periodEnd", PLANNED),
            Map.entry("UpdateServiceProgramInput.periodStart", PLANNED),
            Map.entry("UpdateServiceProgramInput.periodEnd", PLANNED),
            Map.entry("GrantBenefitInput.grantedOn", TO_TODAY_SINCE_2000),
            Map.entry("RecordWorkforceCountInput.countedOn", TO_TODAY_SINCE_2000),
            Map.entry("SetEnrolmentTargetInput.dueOn", DUE),
            Map.entry("statistics(asOf)", TO_TODAY_SINCE_2000),
            Map.entry("setWorkingCalendar(holidays)", until(RECORDS_FROM, today -> LocalDate.of(today.getYear() + 1, 12, 31), "the end of next year")),
            Map.entry("setWorkingCalendar(makeUpWorkdays)", until(RECORDS_FROM, today -> LocalDate.of(today.getYear() + 1, 12, 31), "the end of next year")),
            Map.entry("RightsCaseFilter.submittedFrom", TO_TODAY_SINCE_2000), Map.entry("RightsCaseFilter.submittedTo", TO_TODAY_SINCE_2000));

    /** Months ("YYYY-MM" strings), with the first day of the first and last month. */
    static final Map<String, Range> MONTHS = Map.ofEntries(
            Map.entry("RecordFundsRemittanceInput.month", until(RECORDS_FROM, today -> today, "this month")),
            Map.entry("fundsRemittances(from)", until(RECORDS_FROM, today -> today, "this month")),
            Map.entry("fundsRemittances(to)", until(RECORDS_FROM, today -> today, "this month")),
            Map.entry("MonthRangeInput.from", until(ACFTU_FOUNDED.withDayOfMonth(1), today -> today.withDayOfYear(1).plusMonths(11), "December of this year")),
            Map.entry("MonthRangeInput.to", until(ACFTU_FOUNDED.withDayOfMonth(1), today -> today.withDayOfYear(1).plusMonths(11), "December of this year")),
            Map.entry("memberTrend(from)", until(ACFTU_FOUNDED.withDayOfMonth(1), today -> today.withDayOfYear(1).plusMonths(11), "December of this year")),
            Map.entry("memberTrend(to)", until(ACFTU_FOUNDED.withDayOfMonth(1), today -> today.withDayOfYear(1).plusMonths(11), "December of this year")),
            Map.entry("SetEnrolmentTargetInput.periodFrom", DUE));

    private Dates() {
    }

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    static boolean isMonth(String key) {
        return MONTHS.containsKey(key);
    }

    /** VALIDATION when a day keyed in the table lies outside its range; days not in the table pass. */
    static void checkDay(String path, String key, LocalDate day) {
        Range range = DAYS.get(key);
        if (range != null && (day.isBefore(range.min()) || day.isAfter(range.max().apply(today())))) {
            throw new ValidationException(path + ": 日期超出允许范围 (must lie from " + range.min() + " to " + range.maxText() + ", Asia/Shanghai)");
        }
    }

    /** A "YYYY-MM" month within its range in the table; VALIDATION naming the path otherwise. */
    static YearMonth checkMonth(String path, String key, String text) {
        YearMonth month = month(path, text);
        Range range = MONTHS.get(key);
        if (range != null && (month.isBefore(YearMonth.from(range.min())) || month.isAfter(YearMonth.from(range.max().apply(today()))))) {
            throw new ValidationException(path + ": 月份超出允许范围 (must lie from " + YearMonth.from(range.min()) + " to " + range.maxText()
                    + ", Asia/Shanghai)");
        }
        return month;
    }

    /** A strict "YYYY-MM" month (four-digit year from 0001); VALIDATION naming the field otherwise, without the value. */
    public static YearMonth month(String field, String text) {
        if (text != null && MONTH.matcher(text).matches()) {
            try {
                YearMonth month = YearMonth.parse(text);
                if (month.getYear() >= 1) {
                    return month;
                }
            } catch (DateTimeParseException e) {
                // no such month: refused below
            }
        }
        throw new ValidationException(field + ": 月份格式为 YYYY-MM (not a month such as 2026-03: a four-digit year and a month 01 to 12)");
    }
}
