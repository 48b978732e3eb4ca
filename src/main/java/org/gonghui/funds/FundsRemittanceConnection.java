package org.gonghui.funds;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.security.Subtree;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of remittances; {@code totalCount} and {@code totals} come from one sum over {@link #filter}, computed only when selected. */
@Description("经费拨缴记录列表 (a page of remittances, newest first, Relay connection)")
public class FundsRemittanceConnection extends Connection {

    @NonNull
    @Description("The remittances of this page.")
    public List<@NonNull FundsRemittanceEdge> edges;

    /** The list the page came from: what totalCount and totals sum over. */
    @Ignore
    final Filter filter;

    /** Count and sums of the list, once computed (totalCount and totals share them). */
    private FundsRemittanceTotals totals;

    FundsRemittanceConnection(Page<FundsRemittance> page, Filter filter) {
        super(page);
        this.edges = page.edges(FundsRemittanceEdge::new);
        this.filter = filter;
    }

    synchronized FundsRemittanceTotals totals(Function<Filter, FundsRemittanceTotals> sum) {
        if (totals == null) {
            totals = sum.apply(filter);
        }
        return totals;
    }

    /** The subtree and the months (inclusive, null: open) of a list. */
    record Filter(Subtree subtree, LocalDate from, LocalDate to) {
    }

    /** One remittance and its cursor. */
    @Description("One of the remittances and its cursor.")
    public static class FundsRemittanceEdge extends Edge {
        @NonNull
        @Description("The record.")
        public FundsRemittance node;

        FundsRemittanceEdge(FundsRemittance node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
