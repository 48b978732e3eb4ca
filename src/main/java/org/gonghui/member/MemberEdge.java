package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One member of a page with its cursor. */
@Description("A member and its cursor.")
public class MemberEdge {

    @NonNull
    @Description("Opaque cursor of this member in this list (it encodes the sort); pass it as `after`.")
    public String cursor;

    @NonNull
    @Description("The member.")
    public Member node;

    public MemberEdge() {
    }

    MemberEdge(Member node, String cursor) {
        this.node = node;
        this.cursor = cursor;
    }
}
