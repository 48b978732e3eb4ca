package org.gonghui.program;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.Money;

/** Program figures of a subtree, computed from the programs' rows when asked. */
@Description("服务项目汇总 (program figures of a union's whole subtree: counts, budget, spending, beneficiaries; in total and by kind)")
public class ProgramTotals {

    @Id
    @NonNull
    @Description("The union whose subtree is summed.")
    public Long unionId;

    @Description("The calendar year the programs' periods overlap; null: every year.")
    public Integer year;

    @NonNull
    @Description("Everything together.")
    public KindTotals total;

    @NonNull
    @Description("By kind (only kinds with programs).")
    public List<@NonNull KindTotals> byKind;

    /** Figures of one kind of program, or of all. */
    @Description("Figures of one kind of program, or of all kinds when `kind` is null.")
    public static class KindTotals {
        @Description("The kind; null in `total`.")
        public ProgramKind kind;

        @NonNull
        @Description("Number of programs.")
        public int programs;

        @NonNull
        @Description("Sum of budgets, yuan (exact).")
        public String budgetYuan;

        @NonNull
        @Description("Sum spent, yuan (exact).")
        public String spentYuan;

        @NonNull
        @Description("Benefit records (人次).")
        public long beneficiaries;

        public KindTotals() {
        }

        KindTotals(ProgramKind kind, long programs, BigDecimal budget, BigDecimal spent, long beneficiaries) {
            this.kind = kind;
            this.programs = (int) programs;
            this.budgetYuan = Money.format(budget);
            this.spentYuan = Money.format(spent);
            this.beneficiaries = beneficiaries;
        }
    }
}
