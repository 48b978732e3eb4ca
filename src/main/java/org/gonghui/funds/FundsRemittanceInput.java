package org.gonghui.funds;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** One employer's remittance for one month, as an official records it. */
@Input("RecordFundsRemittanceInput")
@Description("登记经费拨缴 (one employer's union funds for one month: its payroll and what it remitted)")
public class FundsRemittanceInput {

    @Id
    @NonNull
    @Description("The GRASSROOTS union (ACTIVE or PREPARING, in your subtree) the employer belongs to.")
    public Long unionId;

    @NonNull
    @Description("缴费单位名称 (the employer's name), at most 200 characters.")
    public String employerName;

    @NonNull
    @Description("缴费单位统一社会信用代码 (18 characters with a valid GB 32100 check character).")
    public String employerCreditCode;

    @NonNull
    @Description("所属月份 \"YYYY-MM\" (e.g. \"2026-03\"); not after the current month in Asia/Shanghai.")
    public String month;

    @NonNull
    @Description("工资总额 (the month's payroll) in yuan as an exact decimal string, e.g. \"125000.00\"; at most two decimals, not negative.")
    public String payrollYuan;

    @NonNull
    @Description("实缴经费 (funds actually remitted) in yuan, e.g. \"2500.00\"; the amount due (2% of the payroll) is computed.")
    public String amountPaidYuan;
}
