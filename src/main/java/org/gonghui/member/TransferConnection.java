package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of transfers, newest first. */
@Description("会员接转列表 (a page of transfers, newest first)")
public class TransferConnection {

    @NonNull
    @Description("The transfers of this page.")
    public List<@NonNull TransferEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    TransferConnection(List<MembershipTransfer> rows, PageRequest page) {
        this.edges = page.rowsOf(rows).stream().map(TransferEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
    }

    /** One transfer and its cursor. */
    @Description("A transfer and its cursor.")
    public static class TransferEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The transfer.")
        public MembershipTransfer node;

        public TransferEdge() {
        }

        TransferEdge(MembershipTransfer node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
