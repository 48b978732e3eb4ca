package org.gonghui.workforce;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of enrolment targets. */
@Description("入会目标列表 (a page of enrolment targets, Relay connection)")
public class EnrolmentTargetConnection {

    @NonNull
    @Description("The rows of this page.")
    public List<@NonNull EnrolmentTargetEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    EnrolmentTargetConnection(List<EnrolmentTarget> rows, PageRequest page) {
        this.edges = page.rowsOf(rows).stream().map(EnrolmentTargetEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
    }

    /** One row and its cursor. */
    @Description("One row and its cursor.")
    public static class EnrolmentTargetEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The row.")
        public EnrolmentTarget node;

        public EnrolmentTargetEdge() {
        }

        EnrolmentTargetEdge(EnrolmentTarget node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
