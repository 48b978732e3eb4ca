package org.gonghui.site;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of sites in id order. */
@Description("服务阵地列表 (a page of service sites, Relay connection)")
public class SiteConnection extends Connection {

    @NonNull
    @Description("The sites of this page.")
    public List<@NonNull SiteEdge> edges;

    SiteConnection(Page<ServiceSite> page) {
        super(page);
        this.edges = page.edges(SiteEdge::new);
    }

    /** One row and its cursor. */
    @Description("A site and its cursor.")
    public static class SiteEdge extends Edge {
        @NonNull
        @Description("The site.")
        public ServiceSite node;

        SiteEdge(ServiceSite node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
