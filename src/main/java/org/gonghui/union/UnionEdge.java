package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageRequest;

/** One union of a connection with its cursor. */
@Description("A union in a connection, with its cursor.")
public class UnionEdge {

    @NonNull
    @Description("Opaque cursor of this union; pass it as `after` to continue after it.")
    public String cursor;

    @NonNull
    @Description("The union.")
    public TradeUnion node;

    public UnionEdge() {
    }

    UnionEdge(TradeUnion node) {
        this.node = node;
        this.cursor = PageRequest.cursor(node.id);
    }
}
