package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of help requests; {@code totalCount} counts the whole filtered list. */
@Description("会员求助待办列表 (a page of help requests, Relay connection)")
public class ClaimHelpRequestConnection extends Connection {

    @NonNull
    @Description("The requests of this page.")
    public List<@NonNull ClaimHelpRequestEdge> edges;

    ClaimHelpRequestConnection(Page<ClaimHelpRequest> page) {
        super(page);
        this.edges = page.edges(ClaimHelpRequestEdge::new);
    }

    /** One row and its cursor. */
    @Description("One of the help requests and its cursor.")
    public static class ClaimHelpRequestEdge extends Edge {
        @NonNull
        @Description("The request.")
        public ClaimHelpRequest node;

        ClaimHelpRequestEdge(ClaimHelpRequest node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
