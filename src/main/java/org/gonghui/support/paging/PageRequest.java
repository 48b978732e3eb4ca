package org.gonghui.support.paging;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.gonghui.support.LimitExceededException;
import org.gonghui.support.Paging;
import org.gonghui.support.ValidationException;

/**
 * A validated forward page request of one list in one order: how many rows, and after which
 * position. Made once at the API edge from {@code first} and {@code after}; services and queries
 * read the typed position ({@link #afterId()}, {@link #afterValue()}) and never see cursor text.
 */
public record PageRequest<K>(int first, Ordering<K> ordering, Position<K> after) {

    public static <K> PageRequest<K> of(Integer first, String after, Paging paging, Ordering<K> ordering) {
        int size = first == null ? paging.defaultPageSize() : first;
        if (size < 0) {
            throw new ValidationException("first: 不能为负数 (must be zero or more), got " + size);
        }
        if (size > paging.maxPageSize()) {
            throw new LimitExceededException("first: 每页最多 " + paging.maxPageSize() + " 条 (at most "
                    + paging.maxPageSize() + " per page), got " + size);
        }
        return new PageRequest<>(size, ordering, after == null || after.isEmpty() ? null : Cursor.decode(ordering, after));
    }

    /** Id of the row the page starts after; null for the first page. */
    public Long afterId() {
        return after == null ? null : after.id();
    }

    /** Sort value of the row the page starts after; null for the first page and for lists ordered by id alone. */
    public K afterValue() {
        return after == null ? null : after.value();
    }

    /** Finders fetch one row more than the page holds, to know whether another page follows. */
    public int rowsToFetch() {
        return first + 1;
    }

    /** The page of a list ordered by id alone, from the rows fetched ({@link #rowsToFetch()} at most). */
    public <T> Page<T> page(List<T> fetched, ToLongFunction<T> id, CountKey<?> count) {
        return page(fetched, row -> null, id, count);
    }

    /** The page of a sorted list: each row's cursor carries its sort value and id. */
    public <T> Page<T> page(List<T> fetched, Function<T, ? extends K> value, ToLongFunction<T> id, CountKey<?> count) {
        boolean hasNext = fetched.size() > first;
        List<T> rows = hasNext ? fetched.subList(0, first) : fetched;
        List<String> cursors = rows.stream().map(row -> Cursor.encode(ordering, value.apply(row), id.applyAsLong(row))).toList();
        return new Page<>(rows, cursors, hasNext, after != null, count);
    }
}
