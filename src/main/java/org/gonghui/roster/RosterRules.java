package org.gonghui.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gonghui.member.IdNumber;
import org.gonghui.member.KeyGroup;
import org.gonghui.member.PhoneNumber;
import org.gonghui.support.Dates;
import org.gonghui.support.Text;
import org.gonghui.union.CreditCode;

/**
 * The checks of a roster's header and of one row, as pure functions: no database, and no message
 * ever repeats an ID number or phone (the failures are stored and shown to officials).
 */
final class RosterRules {

    static final int HEADER_ROW = 1;
    private static final Pattern DATE = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern GROUP_SEPARATOR = Pattern.compile("[;；、,，]");
    private static final Set<String> YES = Set.of("是", "true", "1", "y", "yes");
    private static final Set<String> NO = Set.of("否", "false", "0", "n", "no");

    private RosterRules() {
    }

    /** One failed check: row as a spreadsheet numbers it, the column as the header names it (null for the row). */
    record Failure(int row, String column, String code, String message) {
    }

    /** Which cell holds which column, and the header names as the file writes them. */
    record Header(Map<RosterColumn, Integer> index, List<String> names) {

        String value(List<String> cells, RosterColumn column) {
            Integer i = index.get(column);
            if (i == null) {
                return null;
            }
            String value = cells.get(i).strip();
            return value.isEmpty() ? null : value;
        }

        String nameOf(RosterColumn column) {
            return names.get(index.get(column));
        }

        int width() {
            return names.size();
        }
    }

    /** A row that passed every check of its own (the file and the registry are checked later). */
    record Row(int row, String name, IdNumber idNumber, PhoneNumber phone, String employerName, String employerCreditCode,
            String occupation, String[] keyGroups, boolean newEmploymentForm, boolean migrantWorker, LocalDate joinedOn) {
    }

    /** The header, or null after adding its failures: unknown, repeated or missing columns. Blank header cells are ignored. */
    static Header header(List<String> cells, List<Failure> failures) {
        Map<RosterColumn, Integer> index = new EnumMap<>(RosterColumn.class);
        List<String> names = new ArrayList<>();
        int before = failures.size();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().replace("\uFEFF", "");
            String problem = Text.problem(name, Text.Kind.LINE);
            if (problem != null) {
                failures.add(new Failure(HEADER_ROW, null, "INVALID_TEXT", "第 " + (i + 1) + " 列表头" + problem));
                names.add("");
                continue;
            }
            names.add(name);
            if (name.isEmpty()) {
                continue;
            }
            Optional<RosterColumn> column = RosterColumn.named(name);
            if (column.isEmpty()) {
                failures.add(new Failure(HEADER_ROW, name, "UNKNOWN_COLUMN", "未知列 (unknown column; the columns are "
                        + String.join(", ", Arrays.stream(RosterColumn.values()).map(RosterColumn::names).toList()) + ")"));
            } else if (index.putIfAbsent(column.get(), i) != null) {
                failures.add(new Failure(HEADER_ROW, name, "DUPLICATE_COLUMN", "列重复 (the column " + column.get().names()
                        + " appears twice)"));
            }
        }
        for (RosterColumn column : RosterColumn.values()) {
            if (column.required && !index.containsKey(column)) {
                failures.add(new Failure(HEADER_ROW, column.chinese.get(0), "MISSING_COLUMN", "缺少必填列 (the required column "
                        + column.names() + " is missing)"));
            }
        }
        return failures.size() == before ? new Header(index, names) : null;
    }

    /** The checked row, or null after adding its failures (every failing cell, not only the first). */
    static Row row(int rowNumber, List<String> cells, Header header, LocalDate today, List<Failure> failures) {
        if (cells.size() != header.width()) {
            failures.add(new Failure(rowNumber, null, "WRONG_FIELD_COUNT", "字段数与表头不符 (the row has " + cells.size()
                    + " fields, the header " + header.width() + ")"));
            return null;
        }
        int before = failures.size();
        for (Map.Entry<RosterColumn, Integer> cell : header.index().entrySet()) {
            String problem = Text.problem(cells.get(cell.getValue()), cell.getKey() == RosterColumn.NAME ? Text.Kind.NAME : Text.Kind.LINE);
            if (problem != null) {
                failures.add(new Failure(rowNumber, header.nameOf(cell.getKey()), "INVALID_TEXT", problem));
            }
        }
        if (failures.size() > before) {
            return null; // the other checks would repeat the cell's text in their messages
        }
        String name = text(rowNumber, cells, header, RosterColumn.NAME, 50, failures);
        if (name == null && header.value(cells, RosterColumn.NAME) == null) {
            failures.add(required(rowNumber, header, RosterColumn.NAME, "姓名必填 (the name is required)"));
        }

        IdNumber idNumber = null;
        IdNumber.Result id = IdNumber.parse(header.value(cells, RosterColumn.ID_NUMBER), today);
        if (id.id().isPresent()) {
            idNumber = id.id().get();
        } else {
            failures.add(new Failure(rowNumber, header.nameOf(RosterColumn.ID_NUMBER), id.problem().code(), id.problem().message()));
        }

        PhoneNumber phone = null;
        String phoneText = header.value(cells, RosterColumn.PHONE);
        if (phoneText != null) {
            phone = PhoneNumber.parse(phoneText);
            if (phone == null) {
                failures.add(new Failure(rowNumber, header.nameOf(RosterColumn.PHONE), "INVALID_PHONE",
                        "手机号格式不正确 (a mobile number is 1[3-9] and nine more digits)"));
            }
        }

        String employerName = text(rowNumber, cells, header, RosterColumn.EMPLOYER_NAME, 200, failures);
        String occupation = text(rowNumber, cells, header, RosterColumn.OCCUPATION, 100, failures);

        String creditCode = header.value(cells, RosterColumn.EMPLOYER_CREDIT_CODE);
        if (creditCode != null) {
            creditCode = creditCode.toUpperCase(Locale.ROOT);
            String problem = CreditCode.problem(creditCode);
            if (problem != null) {
                failures.add(new Failure(rowNumber, header.nameOf(RosterColumn.EMPLOYER_CREDIT_CODE), "INVALID_CREDIT_CODE",
                        "统一社会信用代码无效 (not a unified social credit code: " + problem + ")"));
                creditCode = null;
            }
        }

        String[] keyGroups = keyGroups(rowNumber, header, cells, failures);
        boolean newForm = flag(rowNumber, header, cells, RosterColumn.NEW_EMPLOYMENT_FORM, failures);
        boolean migrant = flag(rowNumber, header, cells, RosterColumn.MIGRANT_WORKER, failures);
        LocalDate joinedOn = joinedOn(rowNumber, header, cells, today, idNumber, failures);

        if (failures.size() > before) {
            return null;
        }
        return new Row(rowNumber, name, idNumber, phone, employerName, creditCode, occupation, keyGroups, newForm, migrant, joinedOn);
    }

    /** Whether every cell of a record is blank: an empty spreadsheet row, skipped (but counted in the row numbers). */
    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static String text(int row, List<String> cells, Header header, RosterColumn column, int maxLength, List<Failure> failures) {
        String value = header.value(cells, column);
        if (value != null) {
            value = Text.normalise(value, column == RosterColumn.OCCUPATION ? Text.Kind.LINE : Text.Kind.NAME);
        }
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            failures.add(new Failure(row, header.nameOf(column), "TOO_LONG", "过长 (at most " + maxLength + " characters)"));
            return null;
        }
        return value;
    }

    private static Failure required(int row, Header header, RosterColumn column, String message) {
        return new Failure(row, header.nameOf(column), "REQUIRED", message);
    }

    private static String[] keyGroups(int row, Header header, List<String> cells, List<Failure> failures) {
        String value = header.value(cells, RosterColumn.KEY_GROUPS);
        if (value == null) {
            return new String[0];
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String part : GROUP_SEPARATOR.split(value)) {
            if (part.isBlank()) {
                continue;
            }
            Optional<KeyGroup> group = KeyGroup.of(part);
            if (group.isEmpty()) {
                failures.add(new Failure(row, header.nameOf(RosterColumn.KEY_GROUPS), "UNKNOWN_KEY_GROUP", "未知重点群体 '" + part.strip()
                        + "' (unknown key group; use the codes or the Chinese names, e.g. COURIER or 快递员, separated by ; or 、)"));
            } else {
                groups.add(group.get().name());
            }
        }
        return groups.toArray(String[]::new);
    }

    private static boolean flag(int row, Header header, List<String> cells, RosterColumn column, List<Failure> failures) {
        String value = header.value(cells, column);
        if (value == null) {
            return false;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (YES.contains(v)) {
            return true;
        }
        if (!NO.contains(v)) {
            failures.add(new Failure(row, header.nameOf(column), "INVALID_FLAG", "应为 是/否 (expected 是/否, true/false, 1/0 or Y/N; empty means no)"));
        }
        return false;
    }

    private static LocalDate joinedOn(int row, Header header, List<String> cells, LocalDate today, IdNumber id, List<Failure> failures) {
        String value = header.value(cells, RosterColumn.JOINED_ON);
        if (value == null) {
            return today;
        }
        Matcher m = DATE.matcher(value);
        LocalDate date = null;
        if (m.matches()) {
            try {
                date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            } catch (DateTimeException e) {
                // not a calendar date: reported below
            }
        }
        String column = header.nameOf(RosterColumn.JOINED_ON);
        if (date == null) {
            failures.add(new Failure(row, column, "INVALID_DATE", "日期无效 (not a date: write yyyy-MM-dd or yyyy/M/d)"));
        } else if (date.isBefore(Dates.ACFTU_FOUNDED)) {
            failures.add(new Failure(row, column, "INVALID_DATE", "入会日期早于全总成立 (a join date is from 1925-05-01, when the ACFTU was founded)"));
        } else if (date.isAfter(today)) {
            failures.add(new Failure(row, column, "FUTURE_DATE", "入会日期不能晚于今天 (" + date + " is in the future)"));
        } else if (id != null && date.isBefore(id.birthDate())) {
            failures.add(new Failure(row, column, "INVALID_DATE", "入会日期早于出生日期 (" + date + " is before the birth date)"));
        }
        return date;
    }
}
