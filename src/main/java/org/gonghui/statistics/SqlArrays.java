package org.gonghui.statistics;

import java.util.Collection;
import java.util.stream.Collectors;

/** Number lists as PostgreSQL array literals ({@code '{1,2,3}'}), bound as text and cast in the SQL. */
final class SqlArrays {

    private SqlArrays() {
    }

    static String of(Collection<? extends Number> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
