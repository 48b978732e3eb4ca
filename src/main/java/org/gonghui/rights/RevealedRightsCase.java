package org.gonghui.rights;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The full texts of a case, for an official of the handling union or the one above, after the read was audited. */
@Name("RevealedRightsCase")
@Description("维权个案全文 (the full texts of a rights case: the worker's name and phone, the description and every step's text, "
        + "internal notes included). Only officials of the handling union and of the union directly above it; every read is audited with its reason.")
public class RevealedRightsCase {

    @Id
    @NonNull
    @Description("Id of the case.")
    public Long id;

    @Description("职工姓名 (the worker's name: the member's name, or the name given).")
    public String workerName;

    @Description("联系电话 (the contact phone, in full).")
    public String contactPhone;

    @NonNull
    @Description("诉求描述 (the description, in full).")
    public String description;

    @NonNull
    @Description("Every step with its text, oldest first.")
    public List<@NonNull Step> steps;

    /** One step with its text. */
    @Name("RevealedRightsCaseStep")
    @Description("办理步骤全文 (one step of a case with its text)")
    public static class Step {
        @Id
        @NonNull
        @Description("Id of the step.")
        public Long id;

        @NonNull
        @Description("What happened.")
        public RightsCaseStepKind kind;

        @NonNull
        @Description("When.")
        public OffsetDateTime at;

        @NonNull
        @Description("Login subject of who acted.")
        public String actor;

        @Description("The text (note, contact record, action, referral reason); null when the step has none.")
        public String text;
    }
}
