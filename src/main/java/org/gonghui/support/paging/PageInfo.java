package org.gonghui.support.paging;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay page information. */
@Description("Relay 分页信息 (Relay page information). Pages go forward with `first` and `after`.")
public class PageInfo {

    @NonNull
    @Description("Whether more rows follow this page.")
    public boolean hasNextPage;

    @NonNull
    @Description("Whether rows precede this page: true when the page was requested with `after`.")
    public boolean hasPreviousPage;

    @Description("Cursor of the first row of this page; null when the page is empty.")
    public String startCursor;

    @Description("Cursor of the last row of this page; pass it as `after` for the next page. Null when the page is empty.")
    public String endCursor;

    public PageInfo() {
    }

    public PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
        this.hasNextPage = hasNextPage;
        this.hasPreviousPage = hasPreviousPage;
        this.startCursor = startCursor;
        this.endCursor = endCursor;
    }
}
