package org.gonghui.workforce;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of workforce counts. */
@Description("从业人员登记列表 (a page of workforce counts, Relay connection)")
public class WorkforceCountConnection {

    @NonNull
    @Description("The rows of this page.")
    public List<@NonNull WorkforceCountEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    WorkforceCountConnection(List<WorkforceCount> rows, PageRequest page) {
        this.edges = page.rowsOf(rows).stream().map(WorkforceCountEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
    }

    /** One row and its cursor. */
    @Description("One row and its cursor.")
    public static class WorkforceCountEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The row.")
        public WorkforceCount node;

        public WorkforceCountEdge() {
        }

        WorkforceCountEdge(WorkforceCount node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
