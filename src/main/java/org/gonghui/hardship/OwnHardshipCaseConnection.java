package org.gonghui.hardship;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of the member's own hardship files, newest first. */
@Description("本人的困难帮扶申请列表 (a page of the member's own hardship files, newest first)")
public class OwnHardshipCaseConnection extends Connection {

    @NonNull
    @Description("The files of this page.")
    public List<@NonNull OwnHardshipCaseEdge> edges;

    OwnHardshipCaseConnection(Page<OwnHardshipCase> page) {
        super(page);
        this.edges = page.edges(OwnHardshipCaseEdge::new);
    }

    /** One file and its cursor. */
    @Description("A hardship file of the member and its cursor.")
    public static class OwnHardshipCaseEdge extends Edge {
        @NonNull
        @Description("The file.")
        public OwnHardshipCase node;

        OwnHardshipCaseEdge(OwnHardshipCase node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
