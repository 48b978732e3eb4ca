package org.gonghui.rights;

import org.eclipse.microprofile.graphql.Description;

/** How a rights case reached the union. */
@Description("受理渠道 (how a rights case reached the union)")
public enum RightsCaseChannel {
    @Description("职工App (submitted by the worker in the app)")
    APP,
    @Description("12351 热线 (taken by the hotline)")
    HOTLINE,
    @Description("窗口接待 (walk-in desk)")
    WALK_IN,
    @Description("服务站点 (a service station)")
    STATION,
    @Description("网上维权 (the web platform)")
    WEB
}
