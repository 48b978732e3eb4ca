package org.gonghui.audit;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Page;

/** A page of audit records, newest first. */
@Description("审计记录列表 (a page of audit records, newest first; Relay connection)")
public class AuditEventConnection extends Connection {

    @NonNull
    @Description("The records of this page.")
    public List<@NonNull AuditEventEdge> edges;

    AuditEventConnection(Page<AuditEvent> page) {
        super(page);
        this.edges = page.edges(AuditEventEdge::new);
    }
}
