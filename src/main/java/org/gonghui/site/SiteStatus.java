package org.gonghui.site;

import org.eclipse.microprofile.graphql.Description;

/** Whether a site is on the map. */
@Description("服务阵地状态 (whether a site is on the map)")
public enum SiteStatus {
    @Description("开放 (open, shown on the map)")
    OPEN,
    @Description("已关闭 (closed; kept for the record)")
    CLOSED
}
