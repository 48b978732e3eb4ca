package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of a membership's status history. */
@Description("会籍变动记录 (a page of a membership's status history, oldest first)")
public class MembershipEventConnection {

    @NonNull
    @Description("The changes of this page.")
    public List<@NonNull MembershipEventEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    MembershipEventConnection(List<MembershipEvent> rows, PageRequest page) {
        this.edges = page.rowsOf(rows).stream().map(MembershipEventEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
    }

    /** One change and its cursor. */
    @Description("A status change and its cursor.")
    public static class MembershipEventEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The change.")
        public MembershipEvent node;

        public MembershipEventEdge() {
        }

        MembershipEventEdge(MembershipEvent node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
