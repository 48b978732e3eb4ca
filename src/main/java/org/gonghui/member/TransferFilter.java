package org.gonghui.member;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Conditions on transfers. */
@Input("TransferFilter")
@Description("接转查询条件 (conditions on transfers)")
public class TransferFilter {

    /** Which side of the transfer lies in the subtree. */
    @Name("TransferDirection")
    @Description("Which side of a transfer lies in the subtree.")
    public enum Direction {
        @Description("Into the subtree (to be accepted there).")
        INCOMING,
        @Description("Out of the subtree.")
        OUTGOING,
        @Description("Either.")
        ANY
    }

    @Id
    @Description("Subtree (a union in your scope and everything below it); default your union.")
    public Long unionId;

    @Description("Default ANY.")
    public Direction direction;

    @Description("In one of these statuses (default every status), e.g. [REQUESTED] for members' requests waiting for the outgoing union. "
            + "A request past its expiry reads REQUESTED here until the expiry job (every minute) has written EXPIRED.")
    public List<@NonNull TransferStatus> statuses;
}
