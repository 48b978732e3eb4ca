package org.gonghui.program;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Edge;
import org.gonghui.support.paging.Page;

/** A page of a program's benefits. */
@Description("受益记录 (a page of benefits granted, Relay connection)")
public class BeneficiaryConnection extends Connection {

    @NonNull
    @Description("The benefits of this page.")
    public List<@NonNull BeneficiaryEdge> edges;

    BeneficiaryConnection(Page<Beneficiary> page) {
        super(page);
        this.edges = page.edges(BeneficiaryEdge::new);
    }

    /** One row and its cursor. */
    @Description("One of the benefits and its cursor.")
    public static class BeneficiaryEdge extends Edge {
        @NonNull
        @Description("The row.")
        public Beneficiary node;

        BeneficiaryEdge(Beneficiary node, String cursor) {
            super(cursor);
            this.node = node;
        }
    }
}
