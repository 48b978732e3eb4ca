package org.gonghui.member;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.microprofile.graphql.Description;

/** The eight key groups (八大群体) of new-employment-form workers, and ride-hailing drivers. */
@Description("重点群体 (key groups of workers the unions enrol as a priority)")
public enum KeyGroup {
    @Description("货车司机 (truck driver)")
    TRUCK_DRIVER("货车司机"),
    @Description("快递员 (courier)")
    COURIER("快递员"),
    @Description("护工护理员 (care worker)")
    CARE_WORKER("护工护理员"),
    @Description("家政服务员 (domestic worker)")
    DOMESTIC_WORKER("家政服务员"),
    @Description("商场信息员 (mall information staff)")
    MALL_INFO_STAFF("商场信息员"),
    @Description("网约送餐员 (food-delivery rider)")
    FOOD_DELIVERY_RIDER("网约送餐员"),
    @Description("房产中介员 (real-estate agent)")
    REAL_ESTATE_AGENT("房产中介员"),
    @Description("保安员 (security guard)")
    SECURITY_GUARD("保安员"),
    @Description("网约车司机 (ride-hailing driver)")
    RIDE_HAILING_DRIVER("网约车司机");

    private final String label;

    KeyGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By code (COURIER) or by Chinese label (快递员), as roster spreadsheets write them. */
    public static Optional<KeyGroup> of(String text) {
        String t = text.strip();
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(t) || g.label.equals(t)).findFirst();
    }
}
