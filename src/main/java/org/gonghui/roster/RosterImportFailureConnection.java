package org.gonghui.roster;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of a job's failures in row order. */
@Description("导入失败项列表 (a page of a job's failures in row order; Relay connection)")
public class RosterImportFailureConnection extends Connection {

    @NonNull
    @Description("The failures of this page.")
    public List<@NonNull RosterImportFailureEdge> edges;

    RosterImportFailureConnection(Page<RosterImportFailure> page) {
        super(page);
        this.edges = page.edges(RosterImportFailureEdge::new);
    }

    /** One row and its cursor. */
    @Description("A failure and its cursor.")
    public static class RosterImportFailureEdge extends Edge {
        @NonNull
        @Description("The failure.")
        public RosterImportFailure node;

        RosterImportFailureEdge(RosterImportFailure node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
