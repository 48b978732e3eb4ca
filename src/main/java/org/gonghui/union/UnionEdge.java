package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Edge;

/** One union of a connection with its cursor. */
@Description("A union in a connection, with its cursor.")
public class UnionEdge extends Edge {

    @NonNull
    @Description("The union.")
    public TradeUnion node;

    UnionEdge(TradeUnion node, String cursor) {
        super(cursor);
        this.node = node;
    }
}
