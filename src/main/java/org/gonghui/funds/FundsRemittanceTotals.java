package org.gonghui.funds;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.Money;

/** Sums over a whole filtered list of remittances, computed from the rows when asked. */
@Description("经费合计 (sums over the whole filtered list of remittances, all pages together; yuan, exact)")
public class FundsRemittanceTotals {

    /** Number of records summed (served as the connection's totalCount). */
    @Ignore
    long count;

    @NonNull
    @Description("工资总额合计 (payrolls).")
    public String payrollYuan;

    @NonNull
    @Description("应缴合计 (funds due).")
    public String amountDueYuan;

    @NonNull
    @Description("实缴合计 (funds remitted).")
    public String amountPaidYuan;

    @NonNull
    @Description("欠缴合计 (the shortfalls of the records added up; an overpayment in one record does not offset another's shortfall).")
    public String shortfallYuan;

    public FundsRemittanceTotals() {
    }

    FundsRemittanceTotals(long count, BigDecimal payroll, BigDecimal amountDue, BigDecimal amountPaid, BigDecimal shortfall) {
        this.count = count;
        this.payrollYuan = Money.format(payroll);
        this.amountDueYuan = Money.format(amountDue);
        this.amountPaidYuan = Money.format(amountPaid);
        this.shortfallYuan = Money.format(shortfall);
    }
}
