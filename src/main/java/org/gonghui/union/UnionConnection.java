package org.gonghui.union;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Page;

/** A Relay connection of unions; {@code totalCount} counts what its page's count key names. */
@Description("工会列表 (a page of unions, Relay connection)")
public class UnionConnection extends Connection {

    @NonNull
    @Description("The unions of this page.")
    public List<@NonNull UnionEdge> edges;

    UnionConnection(Page<TradeUnion> page) {
        super(page);
        this.edges = page.edges(UnionEdge::new);
    }
}
