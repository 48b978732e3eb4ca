package org.gonghui.funds;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of shell unions in tree order, with the windows it was judged by. */
@Description("空壳工会列表 (a page of shell unions in tree order, Relay connection)")
public class ShellUnionConnection extends Connection {

    @NonNull
    @Description("The unions of this page.")
    public List<@NonNull ShellUnionEdge> edges;

    @NonNull
    @Description("The windows the list was judged by.")
    public ShellUnionCriteria criteria;

    ShellUnionConnection(Page<ShellUnion> page, ShellUnionCriteria criteria) {
        super(page);
        this.edges = page.edges(ShellUnionEdge::new);
        this.criteria = criteria;
    }

    /** One union and its cursor. */
    @Description("One of the shell unions and its cursor.")
    public static class ShellUnionEdge extends Edge {
        @NonNull
        @Description("The union and its signs.")
        public ShellUnion node;

        ShellUnionEdge(ShellUnion node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
