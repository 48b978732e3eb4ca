package org.gonghui.program;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of programs. */
@Description("服务项目列表 (a page of programs, Relay connection)")
public class ProgramConnection {

    @NonNull
    @Description("The programs of this page.")
    public List<@NonNull ProgramEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    /** What totalCount counts, if the list offers one. */
    @Ignore
    final Object countOf;

    ProgramConnection(List<ServiceProgram> rows, PageRequest page, Object countOf) {
        this.edges = page.rowsOf(rows).stream().map(ProgramEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
        this.countOf = countOf;
    }

    /** One row and its cursor. */
    @Description("One of the programs and its cursor.")
    public static class ProgramEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The row.")
        public ServiceProgram node;

        public ProgramEdge() {
        }

        ProgramEdge(ServiceProgram node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
