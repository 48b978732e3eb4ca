package org.gonghui.union;

import org.eclipse.microprofile.graphql.Description;

/** Life cycle of a union. */
@Description("工会状态 (life-cycle status of a union)")
public enum UnionStatus {
    @Description("筹建中 (being set up)")
    PREPARING,
    @Description("正常运行 (active)")
    ACTIVE,
    @Description("已撤销 (dissolved)")
    DISSOLVED,
    @Description("已合并 (merged into another union)")
    MERGED;

    /** Whether new unions may be created or moved under a union in this status. */
    public boolean isOpen() {
        return this == PREPARING || this == ACTIVE;
    }
}
