package org.gonghui.union;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of public union cards: nearest first when a point was given, else in id order. */
@Description("工会名片列表 (a page of findUnions: nearest first when near is given, else in id order; Relay connection)")
public class UnionCardConnection extends Connection {

    @NonNull
    @Description("The unions of this page.")
    public List<@NonNull UnionCardEdge> edges;

    UnionCardConnection(Page<?> page, List<UnionCardEdge> edges) {
        super(page);
        this.edges = edges;
    }

    /** One union, its distance when a point was given, and its cursor. */
    @Description("A union's card, its distance from the point asked about (when near is given) and its cursor.")
    public static class UnionCardEdge extends Edge {
        @NonNull
        @Description("The union.")
        public UnionCard node;

        @Description("Great-circle distance in kilometres from the near point; null without near.")
        public Double distanceKm;

        UnionCardEdge(UnionCard node, Double distanceKm, String cursor) {
            super(cursor);
            this.node = node;
            this.distanceKm = distanceKm;
        }
    }
}
