package org.gonghui.rights;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** One step of a case as the caller's reach shows it: kind and time always, who only to the handling officials, never the text. */
@Name("RightsCaseStep")
@Description("办理步骤 (one step of a rights case: what and when, in which union). The worker sees the steps that are not internal; "
        + "who acted only the handling officials; step texts only through revealRightsCase.")
public class RightsCaseStep {

    @Id
    @NonNull
    @Description("Id of the step.")
    public Long id;

    @NonNull
    @Description("What happened.")
    public RightsCaseStepKind kind;

    @NonNull
    @Description("内部步骤 (internal: notes and contacts, never shown to the worker).")
    public boolean internal;

    @NonNull
    @Description("When.")
    public OffsetDateTime at;

    @Id
    @NonNull
    @Description("The union the case was at.")
    public Long unionId;

    @Id
    @Description("REFERRED: the union the case went to.")
    public Long toUnionId;

    @Description("Login subject of who acted (\"system\" for the automatic closing); handling officials only.")
    public String actor;

    @NonNull
    @Description("Whether the step has a text (read it with revealRightsCase).")
    public boolean hasText;
}
