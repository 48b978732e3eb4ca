package org.gonghui.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A validated forward page request of a Relay connection: how many rows and after which row.
 * Cursors are opaque to clients; inside they name the id of the last row seen.
 */
public record PageRequest(int first, Long afterId) {

    private static final String CURSOR_PREFIX = "c:";

    public static PageRequest of(Integer first, String after, Paging paging) {
        int size = first == null ? paging.defaultPageSize() : first;
        if (size < 0) {
            throw new ValidationException("first: 不能为负数 (must be zero or more), got " + size);
        }
        if (size > paging.maxPageSize()) {
            throw new LimitExceededException("first: 每页最多 " + paging.maxPageSize() + " 条 (at most "
                    + paging.maxPageSize() + " per page), got " + size);
        }
        return new PageRequest(size, after == null || after.isEmpty() ? null : decode(after));
    }

    /** Finders fetch one row more than the page holds, to know whether another page follows. */
    public int rowsToFetch() {
        return first + 1;
    }

    public boolean hasNext(List<?> fetched) {
        return fetched.size() > first;
    }

    /** The rows of this page among the fetched ones. */
    public <T> List<T> rowsOf(List<T> fetched) {
        return hasNext(fetched) ? fetched.subList(0, first) : fetched;
    }

    public static String cursor(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error below
        }
        throw new ValidationException("after: 无效的游标 (not a cursor returned by this API)");
    }
}
