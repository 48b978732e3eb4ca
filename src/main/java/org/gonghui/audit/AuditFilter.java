package org.gonghui.audit;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** Conditions on audit records. */
@Input("AuditFilter")
@Description("审计记录筛选 (conditions on audit records; every condition given must hold)")
public class AuditFilter {

    @Id
    @Description("Only records about this union and the unions below it (must be in your subtree). Omitted: your whole subtree.")
    public Long under;

    @Description("Only this operation, e.g. moveUnion.")
    public String operation;

    @Description("Only acts of this token subject.")
    public String actorSubject;

    @Description("Only records at or after this moment.")
    public OffsetDateTime since;

    @Description("Only records before this moment.")
    public OffsetDateTime until;
}
