package org.gonghui.program;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of applications. */
@Description("服务项目申请列表 (a page of program applications, Relay connection)")
public class ProgramApplicationConnection {

    @NonNull
    @Description("The applications of this page.")
    public List<@NonNull ProgramApplicationEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    /** What totalCount counts, if the list offers one. */
    @Ignore
    final Object countOf;

    ProgramApplicationConnection(List<ProgramApplication> rows, PageRequest page, Object countOf) {
        this.edges = page.rowsOf(rows).stream().map(ProgramApplicationEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
        this.countOf = countOf;
    }

    /** One row and its cursor. */
    @Description("One of the applications and its cursor.")
    public static class ProgramApplicationEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The row.")
        public ProgramApplication node;

        public ProgramApplicationEdge() {
        }

        ProgramApplicationEdge(ProgramApplication node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
