package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of a membership's status history. */
@Description("会籍变动记录 (a page of a membership's status history, oldest first)")
public class MembershipEventConnection extends Connection {

    @NonNull
    @Description("The changes of this page.")
    public List<@NonNull MembershipEventEdge> edges;

    MembershipEventConnection(Page<MembershipEvent> page) {
        super(page);
        this.edges = page.edges(MembershipEventEdge::new);
    }

    /** One row and its cursor. */
    @Description("A status change and its cursor.")
    public static class MembershipEventEdge extends Edge {
        @NonNull
        @Description("The change.")
        public MembershipEvent node;

        MembershipEventEdge(MembershipEvent node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
