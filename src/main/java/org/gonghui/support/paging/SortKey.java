package org.gonghui.support.paging;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * The sort value a cursor carries besides the row id, with its text form; a cursor whose value does
 * not parse as this type is refused like any other foreign cursor.
 */
public record SortKey<K>(String name, Class<K> type, Function<K, String> format, Function<String, K> parse) {

    /** Lists ordered by id alone (or by something the id determines, like tree order): no value. */
    public static final SortKey<Void> NONE = new SortKey<>("none", Void.class, v -> "", text -> {
        if (!text.isEmpty()) {
            throw new IllegalArgumentException("no value expected");
        }
        return null;
    });

    /** A text value, e.g. a member's name. */
    public static final SortKey<String> TEXT = new SortKey<>("text", String.class, Function.identity(), Function.identity());

    /** A calendar day. */
    public static final SortKey<LocalDate> DATE = new SortKey<>("date", LocalDate.class, LocalDate::toString, LocalDate::parse);

    /** A distance in kilometres: finite and not negative. */
    public static final SortKey<Double> DISTANCE = new SortKey<>("km", Double.class, d -> Double.toString(d), text -> {
        double km = Double.parseDouble(text);
        if (!Double.isFinite(km) || km < 0) {
            throw new IllegalArgumentException("not a distance");
        }
        return km;
    });
}
