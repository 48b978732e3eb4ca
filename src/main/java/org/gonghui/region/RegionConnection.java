package org.gonghui.region;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of administrative divisions in code order. */
@Description("行政区划列表 (a page of administrative divisions in code order, Relay connection)")
public class RegionConnection extends Connection {

    @NonNull
    @Description("The divisions of this page.")
    public List<@NonNull RegionEdge> edges;

    RegionConnection(Page<Region> page) {
        super(page);
        this.edges = page.edges(RegionEdge::new);
    }

    /** One division and its cursor. */
    @Description("A division and its cursor.")
    public static class RegionEdge extends Edge {
        @NonNull
        @Description("The division.")
        public Region node;

        RegionEdge(Region node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
