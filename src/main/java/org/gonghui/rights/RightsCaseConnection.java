package org.gonghui.rights;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of rights cases: the officials' queue or a worker's own cases. */
@Description("维权个案列表 (a page of rights cases: the officials' queue of a subtree, or a worker's own cases)")
public class RightsCaseConnection extends Connection {

    @NonNull
    @Description("The cases of this page.")
    public List<@NonNull RightsCaseEdge> edges;


    RightsCaseConnection(Page<RightsCase> page) {
        super(page);
        this.edges = page.edges(RightsCaseEdge::new);
    }

    /** One case and its cursor. */
    @Description("A rights case and its cursor.")
    public static class RightsCaseEdge extends Edge {
        @NonNull
        @Description("The case.")
        public RightsCase node;

        RightsCaseEdge(RightsCase node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
