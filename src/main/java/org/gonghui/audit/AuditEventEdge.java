package org.gonghui.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Edge;

/** One audit record of a page with its cursor. */
@Description("An audit record in a connection, with its cursor.")
public class AuditEventEdge extends Edge {

    @NonNull
    @Description("The audit record.")
    public AuditEvent node;

    AuditEventEdge(AuditEvent node, String cursor) {
        super(cursor);
        this.node = node;
    }
}
