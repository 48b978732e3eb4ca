package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Dissolution of a union. */
@Input("DissolveUnionInput")
@Description("撤销工会 (dissolve a union). Refused while it has PREPARING or ACTIVE child unions. You need authority over its parent.")
public class DissolveUnionInput {

    @NonNull
    @Id
    @Description("The union to dissolve.")
    public Long id;

    @NonNull
    @Description("The version you read; CONFLICT when the union changed since.")
    public Integer version;

    @NonNull
    @Description("Why it is dissolved, 1 to 500 characters.")
    public String reason;
}
