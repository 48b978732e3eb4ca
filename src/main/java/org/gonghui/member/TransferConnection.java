package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of transfers, newest first. */
@Description("会员接转列表 (a page of transfers, newest first)")
public class TransferConnection extends Connection {

    @NonNull
    @Description("The transfers of this page.")
    public List<@NonNull TransferEdge> edges;

    TransferConnection(Page<MembershipTransfer> page) {
        super(page);
        this.edges = page.edges(TransferEdge::new);
    }

    /** One row and its cursor. */
    @Description("A transfer and its cursor.")
    public static class TransferEdge extends Edge {
        @NonNull
        @Description("The transfer.")
        public MembershipTransfer node;

        TransferEdge(MembershipTransfer node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
