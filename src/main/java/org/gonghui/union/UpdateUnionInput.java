package org.gonghui.union;

import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Changes to a union's record. Omitted (null) fields stay as they are; an empty string clears an optional text. */
@Input("UpdateUnionInput")
@Description("修改工会信息 (changes to a union's record). Omitted or null fields stay unchanged; an empty string clears an optional text field. "
        + "Officials of the union itself may change its descriptive fields; kind, status and region code need the union above.")
public class UpdateUnionInput extends UnionCardFields {

    @NonNull
    @Id
    @Description("The union to change.")
    public Long id;

    @NonNull
    @Description("The version you read; CONFLICT when the union changed since.")
    public Integer version;

    @Description("Full name, 1 to 200 characters.")
    public String name;

    @Description("Short name, at most 50 characters.")
    public String shortName;

    @Description("Kind; must fit the level. Needs authority over the parent union.")
    public UnionKind kind;

    @Description("新就业形态工会 flag; cannot be cleared on a PLATFORM union. Needs authority over the parent union.")
    public Boolean newEmploymentForm;

    @Description("How a grassroots union was formed.")
    public FormationMode formationMode;

    @Description("Region code; must fit the level, the parent's area and every code below. Needs authority over the parent union.")
    public String regionCode;

    @Description("Date established.")
    public LocalDate establishedOn;

    @Description("PREPARING or ACTIVE (use dissolveUnion to dissolve). Needs authority over the parent union.")
    public UnionStatus status;

    @Description("Name of the chair.")
    public String chairName;

    @Description("End of the chair's term.")
    public LocalDate chairTermEnd;

    @Description("Host employer.")
    public String hostEmployerName;

    @Description("Host employer's unified social credit code.")
    public String hostEmployerCreditCode;
}
