package org.gonghui.roster;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of the failures of one job, in row order. */
@Description("导入失败项列表 (a page of a job's failures in row order; Relay connection)")
public class RosterImportFailureConnection {

    @NonNull
    @Description("The failures of this page.")
    public List<@NonNull RosterImportFailureEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    RosterImportFailureConnection(List<RosterImportFailure> rows, PageRequest page) {
        this.edges = page.rowsOf(rows).stream().map(RosterImportFailureEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
    }

    /** One failure and its cursor. */
    @Description("A failure and its cursor.")
    public static class RosterImportFailureEdge {

        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The failure.")
        public RosterImportFailure node;

        public RosterImportFailureEdge() {
        }

        RosterImportFailureEdge(RosterImportFailure node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.seq);
        }
    }
}
