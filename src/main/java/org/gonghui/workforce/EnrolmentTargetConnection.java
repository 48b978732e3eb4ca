package org.gonghui.workforce;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of enrolment targets. */
@Description("入会目标列表 (a page of enrolment targets, Relay connection)")
public class EnrolmentTargetConnection extends Connection {

    @NonNull
    @Description("The rows of this page.")
    public List<@NonNull EnrolmentTargetEdge> edges;

    EnrolmentTargetConnection(Page<EnrolmentTarget> page) {
        super(page);
        this.edges = page.edges(EnrolmentTargetEdge::new);
    }

    /** One row and its cursor. */
    @Description("One row and its cursor.")
    public static class EnrolmentTargetEdge extends Edge {
        @NonNull
        @Description("The row.")
        public EnrolmentTarget node;

        EnrolmentTargetEdge(EnrolmentTarget node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
