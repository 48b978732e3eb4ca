package org.gonghui.audit;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of audit records, newest first. */
@Description("审计记录列表 (a page of audit records, newest first; Relay connection)")
public class AuditEventConnection {

    @NonNull
    @Description("The records of this page.")
    public List<@NonNull AuditEventEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    AuditEventConnection(List<AuditEvent> rows, PageRequest page) {
        this.edges = page.rowsOf(rows).stream().map(AuditEventEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
    }
}
