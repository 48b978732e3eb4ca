package org.gonghui.funds;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** Why an ACTIVE grassroots union looks like a shell (空壳工会). */
@Name("ShellReason")
@Description("空壳工会的迹象 (a sign that an ACTIVE grassroots union exists on paper only)")
public enum ShellReason {
    @Description("无在册会员 (no membership with status ACTIVE)")
    NO_ACTIVE_MEMBERS,
    @Description("未拨缴经费 (no remittance with an amount paid above 0 for any of the last `fundsMonths` complete calendar months)")
    NO_FUNDS_REMITTED,
    @Description("无活动 (in the last `inactiveMonths` months: no member joined, left or changed, no benefit to its members or from its "
            + "programs, no remittance recorded and no change to the union's record)")
    NO_ACTIVITY
}
