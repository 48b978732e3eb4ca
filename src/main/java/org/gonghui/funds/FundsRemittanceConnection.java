package org.gonghui.funds;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.security.Subtree;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of remittances; {@code totalCount} and {@code totals} are computed only when selected, from {@link #countOf}. */
@Description("经费拨缴记录列表 (a page of remittances, newest first, Relay connection)")
public class FundsRemittanceConnection {

    @NonNull
    @Description("The remittances of this page.")
    public List<@NonNull FundsRemittanceEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    /** The list the page came from: what totalCount and totals sum over. */
    @Ignore
    final Filter countOf;

    /** Count and sums of the list, once computed (totalCount and totals share them). */
    private FundsRemittanceTotals totals;

    FundsRemittanceConnection(List<FundsRemittance> rows, PageRequest page, Filter countOf) {
        this.edges = page.rowsOf(rows).stream().map(FundsRemittanceEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
        this.countOf = countOf;
    }

    synchronized FundsRemittanceTotals totals(Function<Filter, FundsRemittanceTotals> sum) {
        if (totals == null) {
            totals = sum.apply(countOf);
        }
        return totals;
    }

    /** The subtree and the months (inclusive, null: open) of a list. */
    record Filter(Subtree subtree, LocalDate from, LocalDate to) {
    }

    /** One remittance and its cursor. */
    @Description("One of the remittances and its cursor.")
    public static class FundsRemittanceEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The record.")
        public FundsRemittance node;

        public FundsRemittanceEdge() {
        }

        FundsRemittanceEdge(FundsRemittance node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
