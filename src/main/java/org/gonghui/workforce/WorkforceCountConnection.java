package org.gonghui.workforce;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of workforce counts. */
@Description("从业人员登记列表 (a page of workforce counts, Relay connection)")
public class WorkforceCountConnection extends Connection {

    @NonNull
    @Description("The rows of this page.")
    public List<@NonNull WorkforceCountEdge> edges;

    WorkforceCountConnection(Page<WorkforceCount> page) {
        super(page);
        this.edges = page.edges(WorkforceCountEdge::new);
    }

    /** One row and its cursor. */
    @Description("One row and its cursor.")
    public static class WorkforceCountEdge extends Edge {
        @NonNull
        @Description("The row.")
        public WorkforceCount node;

        WorkforceCountEdge(WorkforceCount node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
