package org.gonghui.union;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.gonghui.support.ValidationException;

/**
 * One opening period of a union's office on one day of the week, e.g. MONDAY 08:30–12:00. A day may
 * have several periods (a lunch break); a day without one is closed. Stored as {@code "MONDAY 08:30-12:00"}.
 */
@Type("OpeningHours")
@Input("OpeningHoursInput")
@Description("开放时间 (one opening period on one day of the week; several per day allowed, a day without any is closed). "
        + "Times are Beijing time, HH:MM, 00:00 to 24:00.")
public class OpeningHours {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])|24:00");
    private static final Pattern STORED = Pattern.compile("([A-Z]+) (\\S+)-(\\S+)");

    /** At most this many periods (three a day). */
    static final int MAX_PERIODS = 21;

    @NonNull
    @Description("星期 (day of the week).")
    public Weekday dayOfWeek;

    @NonNull
    @Description("开门 (opens), HH:MM, e.g. 08:30.")
    public String opens;

    @NonNull
    @Description("关门 (closes), HH:MM, later than opens; 24:00 for midnight.")
    public String closes;

    public OpeningHours() {
    }

    OpeningHours(Weekday dayOfWeek, String opens, String closes) {
        this.dayOfWeek = dayOfWeek;
        this.opens = opens;
        this.closes = closes;
    }

    /** The stored form of the given periods, checked and sorted (day, then opening time); VALIDATION naming {@code field}. */
    static String[] store(String field, List<OpeningHours> periods) {
        if (periods.size() > MAX_PERIODS) {
            throw new ValidationException(field + ": 最多 " + MAX_PERIODS + " 个时段 (at most " + MAX_PERIODS + " periods), got " + periods.size());
        }
        List<OpeningHours> sorted = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            OpeningHours p = periods.get(i);
            String at = field + "[" + i + "]";
            if (p == null || p.dayOfWeek == null) {
                throw new ValidationException(at + ".dayOfWeek: 必填 (required)");
            }
            int opens = minutes(at + ".opens", p.opens);
            int closes = minutes(at + ".closes", p.closes);
            if (opens >= closes) {
                throw new ValidationException(at + ".closes: 须晚于开门时间 (must be later than opens)");
            }
            sorted.add(new OpeningHours(p.dayOfWeek, p.opens, p.closes));
        }
        sorted.sort(Comparator.comparing((OpeningHours p) -> p.dayOfWeek).thenComparing(p -> p.opens));
        for (int i = 1; i < sorted.size(); i++) {
            OpeningHours before = sorted.get(i - 1);
            OpeningHours p = sorted.get(i);
            if (before.dayOfWeek == p.dayOfWeek && p.opens.compareTo(before.closes) < 0) {
                throw new ValidationException(field + ": 同一天的时段重叠 (periods of " + p.dayOfWeek + " overlap)");
            }
        }
        return sorted.stream().map(p -> p.dayOfWeek.name() + " " + p.opens + "-" + p.closes).toArray(String[]::new);
    }

    /** The periods of a stored array, in stored order. */
    static List<OpeningHours> read(String[] stored) {
        if (stored == null) {
            return List.of();
        }
        return Arrays.stream(stored).map(STORED::matcher).filter(Matcher::matches)
                .map(m -> new OpeningHours(Weekday.valueOf(m.group(1)), m.group(2), m.group(3))).toList();
    }

    private static int minutes(String field, String time) {
        if (time == null || !TIME.matcher(time).matches()) {
            throw new ValidationException(field + ": 时间格式为 HH:MM (00:00 to 24:00)");
        }
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
    }
}
