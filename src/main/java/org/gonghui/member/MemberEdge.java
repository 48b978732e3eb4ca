package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Edge;

/** One member of a page with its cursor. */
@Description("A member and its cursor.")
public class MemberEdge extends Edge {

    @NonNull
    @Description("The member.")
    public Member node;

    MemberEdge(Member node, String cursor) {
        super(cursor);
        this.node = node;
    }
}
