package org.gonghui.roster;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of roster import jobs, newest first. */
@Description("花名册导入列表 (a page of roster import jobs, newest first; Relay connection)")
public class RosterImportConnection extends Connection {

    @NonNull
    @Description("The jobs of this page.")
    public List<@NonNull RosterImportEdge> edges;

    RosterImportConnection(Page<RosterImport> page) {
        super(page);
        this.edges = page.edges(RosterImportEdge::new);
    }

    /** One row and its cursor. */
    @Description("A roster import job and its cursor.")
    public static class RosterImportEdge extends Edge {
        @NonNull
        @Description("The job.")
        public RosterImport node;

        RosterImportEdge(RosterImport node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
