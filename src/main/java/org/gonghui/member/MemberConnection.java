package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Page;

/** A Relay connection of members; {@code totalCount} counts what its page's count key names. */
@Description("会员列表 (a page of members, Relay connection)")
public class MemberConnection extends Connection {

    @NonNull
    @Description("The members of this page.")
    public List<@NonNull MemberEdge> edges;

    MemberConnection(Page<Member> page) {
        super(page);
        this.edges = page.edges(MemberEdge::new);
    }
}
