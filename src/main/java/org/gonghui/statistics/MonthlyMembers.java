package org.gonghui.statistics;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Member movements of one calendar month. */
@Description("一个月的会员变动 (member movements of one calendar month in Asia/Shanghai, over a subtree as it stands now).")
public class MonthlyMembers {

    @NonNull
    @Description("The month, YYYY-MM.")
    public String month;

    @NonNull
    @Description("新入会 (memberships that started in the month, by join date).")
    public int newMembers;

    @NonNull
    @Description("New members of the month flagged as new-employment-form workers.")
    public int newEmploymentFormNewMembers;

    @NonNull
    @Description("退会 (members who withdrew in the month).")
    public int withdrawals;

    public MonthlyMembers() {
    }

    MonthlyMembers(String month, long newMembers, long newEmploymentFormNewMembers, long withdrawals) {
        this.month = month;
        this.newMembers = Math.toIntExact(newMembers);
        this.newEmploymentFormNewMembers = Math.toIntExact(newEmploymentFormNewMembers);
        this.withdrawals = Math.toIntExact(withdrawals);
    }
}
