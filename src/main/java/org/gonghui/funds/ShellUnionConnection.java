package org.gonghui.funds;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of shell unions in tree order; {@code totalCount} is counted only when selected, from {@link #countOf}. */
@Description("空壳工会列表 (a page of shell unions in tree order, Relay connection)")
public class ShellUnionConnection {

    @NonNull
    @Description("The unions of this page.")
    public List<@NonNull ShellUnionEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    @NonNull
    @Description("The windows the list was judged by.")
    public ShellUnionCriteria criteria;

    /** The query the page came from: what totalCount counts. */
    @Ignore
    final ShellUnionQuery countOf;

    ShellUnionConnection(List<ShellUnion> rows, PageRequest page, ShellUnionQuery countOf) {
        this.edges = page.rowsOf(rows).stream().map(ShellUnionEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
        this.criteria = countOf.criteria();
        this.countOf = countOf;
    }

    /** One union and its cursor. */
    @Description("One of the shell unions and its cursor.")
    public static class ShellUnionEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The union and its signs.")
        public ShellUnion node;

        public ShellUnionEdge() {
        }

        ShellUnionEdge(ShellUnion node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.union.id);
        }
    }
}
