package org.gonghui.support.paging;

/** Where a page starts: after the row with this sort value (null for lists ordered by id alone) and id. */
public record Position<K>(K value, long id) {
}
