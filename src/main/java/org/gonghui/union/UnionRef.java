package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A breadcrumb entry: identifies a union without any link onward, so nothing outside a scope is reachable through it. */
@Description("工会路径节点 (a breadcrumb entry: id, name and level only, with no links onward)")
public class UnionRef {

    @Id
    @NonNull
    @Description("Id of the union.")
    public Long id;

    @NonNull
    @Description("Full name of the union.")
    public String name;

    @NonNull
    @Description("Level of the union.")
    public UnionLevel level;

    public UnionRef() {
    }

    public UnionRef(Long id, String name, UnionLevel level) {
        this.id = id;
        this.name = name;
        this.level = level;
    }

    public UnionRef(TradeUnion union) {
        this.id = union.id;
        this.name = union.name;
        this.level = union.level;
    }
}
