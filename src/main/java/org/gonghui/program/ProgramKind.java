package org.gonghui.program;

import org.eclipse.microprofile.graphql.Description;

/** Kinds of service programs (服务项目), from the domain brief. */
@Description("服务项目类型 (kind of service program)")
public enum ProgramKind {
    @Description("春送岗位 (spring job fairs)")
    SPRING_JOBS,
    @Description("夏送清凉 (summer cooling)")
    SUMMER_COOLING,
    @Description("金秋助学 (autumn education aid)")
    AUTUMN_EDUCATION_AID,
    @Description("冬送温暖 / 两节送温暖 (winter warmth, festival aid)")
    WINTER_WARMTH,
    @Description("困难帮扶 (hardship aid)")
    HARDSHIP_AID,
    @Description("法律援助 (legal aid)")
    LEGAL_AID,
    @Description("职工互助保障 (mutual-aid insurance)")
    MUTUAL_AID_INSURANCE,
    @Description("普惠服务 (inclusive benefits)")
    INCLUSIVE_BENEFIT,
    @Description("技能培训 (skills training)")
    SKILL_TRAINING,
    @Description("技能竞赛 (skills competition)")
    SKILL_COMPETITION,
    @Description("疗休养 (sanatorium stays)")
    SANATORIUM,
    @Description("爱心托管 (after-school child care)")
    CHILD_CARE,
    @Description("文体活动 (culture and sports)")
    CULTURE_SPORTS
}
