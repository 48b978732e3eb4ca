package org.gonghui.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Text for SQL parameters, in one place: LIKE patterns and the grams of {@code gonghui_name_grams}
 * (V4), the function the "contains" searches of member and union names are indexed by.
 */
public final class SqlText {

    private SqlText() {
    }

    /** The text with LIKE's wildcards and its escape character escaped (for {@code like ... escape '\'}). */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code %text%}, escaped. */
    public static String containsPattern(String text) {
        return "%" + escapeLike(text) + "%";
    }

    /** The grams a name must contain to contain {@code text}: the text itself if one character, else its bigrams. */
    public static List<String> grams(String text) {
        int[] cps = text.codePoints().toArray();
        if (cps.length == 1) {
            return List.of(text);
        }
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return List.copyOf(grams);
    }

    /** A PostgreSQL array literal of ids, for {@code cast(:ids as bigint[])}. */
    public static String longArray(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** A PostgreSQL array literal of texts, every element quoted. */
    public static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String v : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
