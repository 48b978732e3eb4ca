package org.gonghui.site;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** Sites near a point, nearest first. */
@Description("附近的服务阵地 (sites near a point, nearest first; Relay connection)")
public class NearbySiteConnection {

    @NonNull
    @Description("The sites of this page with their distances.")
    public List<@NonNull NearbySiteEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    NearbySiteConnection(List<NearbySiteEdge> rows, PageRequest page, boolean after) {
        List<NearbySiteEdge> shown = page.rowsOf(rows);
        this.edges = shown;
        this.pageInfo = new PageInfo(page.hasNext(rows), after, shown.isEmpty() ? null : shown.get(0).cursor,
                shown.isEmpty() ? null : shown.get(shown.size() - 1).cursor);
    }

    /** One site and how far it is. */
    @Description("A site and its great-circle distance from the point asked about.")
    public static class NearbySiteEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The site.")
        public ServiceSite node;

        @NonNull
        @Description("Great-circle distance in kilometres.")
        public double distanceKm;

        @NonNull
        @Description("The site's position in the coordinate system the request used, ready for the client's map.")
        public GeoPoint location;

        public NearbySiteEdge() {
        }

        NearbySiteEdge(ServiceSite node, double distanceKm, CoordinateSystem system) {
            this.node = node;
            this.distanceKm = distanceKm;
            this.location = GeoPoint.of(node, system);
            this.cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("n:" + distanceKm + ":" + node.id).getBytes(StandardCharsets.UTF_8));
        }
    }
}
