package org.gonghui.site;

import org.eclipse.microprofile.graphql.Description;

/** Kinds of service sites, from the domain brief. */
@Description("服务阵地类型 (kind of service site)")
public enum SiteKind {
    @Description("户外劳动者驿站 / 爱心驿站 (outdoor workers' station: water, rest, toilets, microwave, charging)")
    OUTDOOR_WORKER_STATION,
    @Description("职工服务站 (worker service station)")
    WORKER_SERVICE_STATION,
    @Description("职工服务中心 (worker service centre)")
    WORKER_SERVICE_CENTER,
    @Description("司机之家 (drivers' home)")
    DRIVERS_HOME,
    @Description("普惠服务基地 (benefit base: discounts for members)")
    BENEFIT_BASE,
    @Description("劳模创新工作室 (model-worker innovation studio)")
    INNOVATION_STUDIO,
    @Description("劳动争议调解室 (mediation room, court and union)")
    MEDIATION_ROOM,
    @Description("职工书屋 (reading room)")
    READING_ROOM
}
