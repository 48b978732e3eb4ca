package org.gonghui.program;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A page of benefits. */
@Description("受益记录 (a page of benefits granted, Relay connection)")
public class BeneficiaryConnection {

    @NonNull
    @Description("The benefits of this page.")
    public List<@NonNull BeneficiaryEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    /** What totalCount counts, if the list offers one. */
    @Ignore
    final Object countOf;

    BeneficiaryConnection(List<Beneficiary> rows, PageRequest page, Object countOf) {
        this.edges = page.rowsOf(rows).stream().map(BeneficiaryEdge::new).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
        this.countOf = countOf;
    }

    /** One row and its cursor. */
    @Description("One of the benefits and its cursor.")
    public static class BeneficiaryEdge {
        @NonNull
        @Description("Opaque cursor; pass it as `after`.")
        public String cursor;

        @NonNull
        @Description("The row.")
        public Beneficiary node;

        public BeneficiaryEdge() {
        }

        BeneficiaryEdge(Beneficiary node) {
            this.node = node;
            this.cursor = PageRequest.cursor(node.id);
        }
    }
}
