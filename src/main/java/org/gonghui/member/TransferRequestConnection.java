package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of a member's own transfer requests, newest first. */
@Description("本人的转会申请列表 (a page of the member's own transfer requests, newest first)")
public class TransferRequestConnection extends Connection {

    @NonNull
    @Description("The requests of this page.")
    public List<@NonNull TransferRequestEdge> edges;

    TransferRequestConnection(Page<TransferRequest> page) {
        super(page);
        this.edges = page.edges(TransferRequestEdge::new);
    }

    /** One request and its cursor. */
    @Description("A transfer request and its cursor.")
    public static class TransferRequestEdge extends Edge {
        @NonNull
        @Description("The request.")
        public TransferRequest node;

        TransferRequestEdge(TransferRequest node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
