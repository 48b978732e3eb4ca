package org.gonghui.union;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A new union under an existing one. */
@Input("CreateUnionInput")
@Description("新建工会 (a new union under an existing one). You need authority over the parent union.")
public class CreateUnionInput extends UnionCardFields {

    @NonNull
    @Id
    @Description("The union it hangs under; must be in your subtree (your own union included).")
    public Long parentId;

    @NonNull
    @Description("Level; must fit the parent's level (see UnionLevel).")
    public UnionLevel level;

    @NonNull
    @Description("Kind; must fit the level.")
    public UnionKind kind;

    @NonNull
    @Description("Full name, 1 to 200 characters.")
    public String name;

    @Description("Short name, at most 50 characters.")
    public String shortName;

    @Description("新就业形态工会: the union organises new-employment-form workers. PLATFORM unions are always flagged; default false otherwise.")
    public Boolean newEmploymentForm;

    @Description("How a grassroots union was formed; only for GRASSROOTS.")
    public FormationMode formationMode;

    @Description("Six-digit GB/T 2260 region code: required for PROVINCIAL (xx0000) and CITY (xxxx00); inside the parent's area.")
    public String regionCode;

    @Description("Date established; not in the future.")
    public LocalDate establishedOn;

    @DefaultValue("ACTIVE")
    @Description("PREPARING or ACTIVE.")
    public UnionStatus status;

    @Description("Name of the chair, at most 50 characters.")
    public String chairName;

    @Description("End of the chair's term.")
    public LocalDate chairTermEnd;

    @Description("Host employer; required for ENTERPRISE and PLATFORM unions.")
    public String hostEmployerName;

    @Description("Host employer's unified social credit code (18 characters, GB 32100 check character); required for ENTERPRISE and PLATFORM unions.")
    public String hostEmployerCreditCode;
}
