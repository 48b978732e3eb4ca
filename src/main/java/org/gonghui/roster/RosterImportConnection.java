package org.gonghui.roster;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of roster import jobs, newest first. */
@Description("花名册导入列表 (a page of roster import jobs, newest first; Relay connection)")
public class RosterImportConnection {

    @NonNull
    @Description("The jobs of this page.")
    public List<@NonNull RosterImportEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    RosterImportConnection(List<RosterImport> rows, PageRequest page) {
        this.edges = page.rowsOf(rows).stream().map(RosterImportEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
    }

    /** One job and its cursor. */
    @Description("A roster import job and its cursor.")
    public static class RosterImportEdge {

        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The job.")
        public RosterImport node;

        public RosterImportEdge() {
        }

        RosterImportEdge(RosterImport node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
