package org.gonghui.union;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/**
 * A Relay connection of unions. {@code totalCount} is resolved only when selected, in a batch, from
 * the query the page came from ({@link #countOf}).
 */
@Description("工会列表 (a page of unions, Relay connection)")
public class UnionConnection {

    @NonNull
    @Description("The unions of this page.")
    public List<@NonNull UnionEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    /** What {@code totalCount} counts: either a filtered subtree or the children of one union. */
    @Ignore
    final Object countOf;

    UnionConnection(List<TradeUnion> rows, PageRequest page, Object countOf) {
        this.edges = page.rowsOf(rows).stream().map(UnionEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
        this.countOf = countOf;
    }

    /** Count key of a connection listing the children of one union. */
    record ChildrenOf(long parentId) {
    }
}
