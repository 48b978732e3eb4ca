package org.gonghui.support.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One page of a list, what every connection is built from: its rows with their cursors, whether
 * rows follow or precede it, and what its {@code totalCount} counts (null for none).
 */
public record Page<T>(List<T> rows, List<String> cursors, boolean hasNextPage, boolean hasPreviousPage, CountKey<?> count) {

    /** The edges of the page, each built from a row and its cursor. */
    public <E> List<E> edges(BiFunction<T, String, E> edge) {
        List<E> edges = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            edges.add(edge.apply(rows.get(i), cursors.get(i)));
        }
        return edges;
    }

    public PageInfo pageInfo() {
        return new PageInfo(hasNextPage, hasPreviousPage, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
}
