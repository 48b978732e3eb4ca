package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

/** Conditions of a {@code unions} query; all given conditions must hold. */
@Input("UnionFilter")
@Description("筛选条件 (conditions on unions; every condition given must hold)")
public class UnionFilter {

    @Id
    @Description("Only unions below this union (not the union itself). It must be in your subtree, else NOT_FOUND. Omitted: your whole subtree, your own union included.")
    public Long under;

    @Description("Only unions of this level.")
    public UnionLevel level;

    @Description("Only unions of this kind.")
    public UnionKind kind;

    @Description("Only unions in this status.")
    public UnionStatus status;

    @Description("Only unions whose full name contains this text (case-sensitive, e.g. 物业).")
    public String nameContains;

    @Description("Only unions with exactly this six-digit region code.")
    public String regionCode;
}
