package org.gonghui.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageRequest;

/** One audit record of a connection with its cursor. */
@Description("An audit record in a connection, with its cursor.")
public class AuditEventEdge {

    @NonNull
    @Description("Opaque cursor of this record; pass it as `after` to continue after it.")
    public String cursor;

    @NonNull
    @Description("The audit record.")
    public AuditEvent node;

    public AuditEventEdge() {
    }

    AuditEventEdge(AuditEvent node) {
        this.node = node;
        this.cursor = PageRequest.cursor(node.id);
    }
}
