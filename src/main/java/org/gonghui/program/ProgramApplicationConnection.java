package org.gonghui.program;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of program applications. */
@Description("服务项目申请列表 (a page of program applications, Relay connection)")
public class ProgramApplicationConnection extends Connection {

    @NonNull
    @Description("The applications of this page.")
    public List<@NonNull ProgramApplicationEdge> edges;

    ProgramApplicationConnection(Page<ProgramApplication> page) {
        super(page);
        this.edges = page.edges(ProgramApplicationEdge::new);
    }

    /** One row and its cursor. */
    @Description("One of the applications and its cursor.")
    public static class ProgramApplicationEdge extends Edge {
        @NonNull
        @Description("The row.")
        public ProgramApplication node;

        ProgramApplicationEdge(ProgramApplication node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
