package org.gonghui.program;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of programs. */
@Description("服务项目列表 (a page of programs, Relay connection)")
public class ProgramConnection extends Connection {

    @NonNull
    @Description("The programs of this page.")
    public List<@NonNull ProgramEdge> edges;

    ProgramConnection(Page<ServiceProgram> page) {
        super(page);
        this.edges = page.edges(ProgramEdge::new);
    }

    /** One row and its cursor. */
    @Description("One of the programs and its cursor.")
    public static class ProgramEdge extends Edge {
        @NonNull
        @Description("The row.")
        public ServiceProgram node;

        ProgramEdge(ServiceProgram node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
