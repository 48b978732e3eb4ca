package org.gonghui.site;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.geo.CoordinateSystem;
import org.gonghui.geo.GeoPoint;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** Sites near a point, nearest first: a page of candidates (id and distance) turned into edges with their sites. */
@Description("附近的服务阵地 (sites near a point, nearest first; Relay connection)")
public class NearbySiteConnection extends Connection {

    @NonNull
    @Description("The sites of this page with their distances.")
    public List<@NonNull NearbySiteEdge> edges;

    NearbySiteConnection(Page<ServiceSite.Candidate> page, List<NearbySiteEdge> edges) {
        super(page);
        this.edges = edges;
    }

    /** One site and how far it is. */
    @Description("A site and its great-circle distance from the point asked about.")
    public static class NearbySiteEdge extends Edge {
        @NonNull
        @Description("The site.")
        public ServiceSite node;

        @NonNull
        @Description("Great-circle distance in kilometres.")
        public double distanceKm;

        @NonNull
        @Description("The site's position in the coordinate system the request used, ready for the client's map.")
        public GeoPoint location;

        NearbySiteEdge(ServiceSite node, double distanceKm, CoordinateSystem system, String cursor) {
            super(cursor);
            this.node = node;
            this.distanceKm = distanceKm;
            this.location = GeoPoint.of(node.latitude, node.longitude, system);
        }
    }
}
