package org.gonghui.statistics;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The metrics of one subtree as {@code gonghui_stat_metrics} (V10__statistics.sql) names them:
 * {@code member.status.ACTIVE}, {@code member.group.COURIER}, {@code member.joined.2026-11},
 * {@code union.GRASSROOTS.PLATFORM.ACTIVE.NF}, {@code site.DRIVERS_HOME.OPEN},
 * {@code program.spent_fen.2026-11} ... Absent metrics are zero.
 */
public final class Figures {

    private final Map<String, Long> values = new HashMap<>();

    void add(String metric, long value) {
        values.merge(metric, value, Long::sum);
    }

    public long get(String metric) {
        return values.getOrDefault(metric, 0L);
    }

    /** Sum of a monthly metric ({@code prefix.YYYY-MM}) over the months of a range. */
    public long sumMonths(String prefix, MonthRange range) {
        long sum = 0;
        for (YearMonth m = range.from(); !m.isAfter(range.to()); m = m.plusMonths(1)) {
            sum += get(prefix + "." + m);
        }
        return sum;
    }

    /** Every non-zero metric starting with {@code prefix + "."}, with the rest of its name. */
    void each(String prefix, BiConsumer<String, Long> action) {
        String start = prefix + ".";
        values.forEach((metric, value) -> {
            if (value != 0 && metric.startsWith(start)) {
                action.accept(metric.substring(start.length()), value);
            }
        });
    }
}
