package org.gonghui.funds;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.union.TradeUnion;

/** An ACTIVE grassroots union with at least one sign of being a shell, and the facts behind the signs. */
@Description("空壳工会 (an ACTIVE grassroots union with at least one sign of existing on paper only, and the facts behind the signs)")
public class ShellUnion {

    @NonNull
    @Description("The union.")
    public TradeUnion union;

    @NonNull
    @Description("Why it is listed (at least one).")
    public List<@NonNull ShellReason> reasons;

    @Description("最近拨缴月份 (the latest month, \"YYYY-MM\", with funds remitted above 0, current month included); null: never.")
    public String lastRemittanceMonth;

    @Description("最近活动时间 (the latest member change, benefit to a member or from the union's programs, or remittance recorded); "
            + "null: none ever. Changes to the union's record show in `union { updatedAt }`.")
    public OffsetDateTime lastActivityAt;

    @NonNull
    @Description("在册会员数 (memberships with status ACTIVE).")
    public int activeMembers;

    public ShellUnion() {
    }

    ShellUnion(TradeUnion union, List<ShellReason> reasons, String lastRemittanceMonth, OffsetDateTime lastActivityAt, int activeMembers) {
        this.union = union;
        this.reasons = reasons;
        this.lastRemittanceMonth = lastRemittanceMonth;
        this.lastActivityAt = lastActivityAt;
        this.activeMembers = activeMembers;
    }
}
