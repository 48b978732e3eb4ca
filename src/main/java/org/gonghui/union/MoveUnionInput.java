package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Re-parenting of a union with its whole subtree. */
@Input("MoveUnionInput")
@Description("调整隶属关系 (move a union with its whole subtree under another parent). You need authority over both the current and the new parent.")
public class MoveUnionInput {

    @NonNull
    @Id
    @Description("The union to move.")
    public Long id;

    @NonNull
    @Description("The version you read; CONFLICT when the union changed since.")
    public Integer version;

    @NonNull
    @Id
    @Description("The new parent; not the union itself nor anything below it, and of a level the union may hang under.")
    public Long newParentId;
}
