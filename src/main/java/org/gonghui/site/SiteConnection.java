package org.gonghui.site;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of sites in id order. */
@Description("服务阵地列表 (a page of service sites, Relay connection)")
public class SiteConnection {

    @NonNull
    @Description("The sites of this page.")
    public List<@NonNull SiteEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    SiteConnection(List<ServiceSite> rows, PageRequest page) {
        this.edges = page.rowsOf(rows).stream().map(SiteEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
    }

    /** One site and its cursor. */
    @Description("A site and its cursor.")
    public static class SiteEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The site.")
        public ServiceSite node;

        public SiteEdge() {
        }

        SiteEdge(ServiceSite node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
