package org.gonghui.support.paging;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** What every edge shares: the cursor of its row. An edge type adds its typed {@code node}. */
public abstract class Edge {

    @NonNull
    @Description(Edge.CURSOR)
    public String cursor;

    /** The description of every {@code cursor} field. */
    public static final String CURSOR = "不透明游标 (opaque cursor): pass it as `after` to the list it came from, in the same sort, "
            + "to continue after this row; a cursor of another list or sort is refused (VALIDATION).";

    protected Edge(String cursor) {
        this.cursor = cursor;
    }
}
