package org.gonghui.support.paging;

/**
 * One list in one sort order, as its cursors name it: {@code list} is the field that returns the
 * list (e.g. "unions", "Union.children"), {@code sort} the order its rows come in and {@code key}
 * the type of the sort value a cursor carries besides the id. A cursor made for one ordering is
 * refused by every other.
 */
public record Ordering<K>(String list, String sort, SortKey<K> key) {

    public Ordering {
        if (list.isEmpty() || sort.isEmpty() || list.indexOf('\n') >= 0 || sort.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("list and sort must be one-line names");
        }
    }

    /** A list in ascending id order. */
    public static Ordering<Void> byId(String list) {
        return new Ordering<>(list, "id", SortKey.NONE);
    }

    /** A list in an order the row id alone continues (e.g. "id desc", or tree order found from the id's path). */
    public static Ordering<Void> of(String list, String sort) {
        return new Ordering<>(list, sort, SortKey.NONE);
    }

    /** A list sorted by a value of type {@code key}, ties broken by id. */
    public static <K> Ordering<K> of(String list, String sort, SortKey<K> key) {
        return new Ordering<>(list, sort, key);
    }
}
