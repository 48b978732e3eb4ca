package org.gonghui.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.graphql.Description;
import org.gonghui.union.UnionLevel;

/** The seven realm roles a token may carry: one per token, or {@code member} beside one official tier (see {@link #of}). */
@Description("登录者的层级 (the caller's tier): one realm role of the token.")
public enum Tier {
    @Description("全国总工会官员 (national official), role national-admin")
    NATIONAL("national-admin", UnionLevel.NATIONAL),
    @Description("省总工会官员 (provincial official), role provincial-admin")
    PROVINCIAL("provincial-admin", UnionLevel.PROVINCIAL),
    @Description("市总工会官员 (city official), role city-admin")
    CITY("city-admin", UnionLevel.CITY),
    @Description("县（区）总工会官员 (county official), role county-admin")
    COUNTY("county-admin", UnionLevel.COUNTY),
    @Description("乡镇（街道）工会官员 (township official), role township-admin")
    TOWNSHIP("township-admin", UnionLevel.TOWNSHIP),
    @Description("基层工会官员 (grassroots union chair or staff), role grassroots-admin")
    GRASSROOTS("grassroots-admin", UnionLevel.GRASSROOTS),
    @Description("会员或申请人 (a member or an applicant), role member")
    MEMBER("member", null);

    private final String role;
    private final UnionLevel level;

    Tier(String role, UnionLevel level) {
        this.role = role;
        this.level = level;
    }

    public String role() {
        return role;
    }

    /** The level of union an official of this tier is bound to; empty for members. */
    public Optional<UnionLevel> unionLevel() {
        return Optional.ofNullable(level);
    }

    /**
     * The tier of a token's roles: exactly one tier role, or {@code member} plus exactly one official
     * tier, which is that official. Keycloak's default role gives every new user {@code member}, so an
     * official created in the console holds both; two official tiers stay ambiguous and are refused.
     */
    public static Optional<Tier> of(Collection<String> roles) {
        List<Tier> tiers = roles.stream().map(Tier::ofRole).flatMap(Optional::stream).distinct().toList();
        List<Tier> officials = tiers.stream().filter(t -> t != MEMBER).toList();
        if (officials.size() == 1) {
            return Optional.of(officials.get(0));
        }
        return officials.isEmpty() && tiers.contains(MEMBER) ? Optional.of(MEMBER) : Optional.empty();
    }

    public static Optional<Tier> ofRole(String role) {
        return Arrays.stream(values()).filter(t -> t.role.equals(role)).findFirst();
    }
}
