package org.gonghui.member;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;

/** Sort order of a member list. */
@Input("MemberOrder")
@Description("会员排序 (sort order of a member list); ties are broken by id in the same direction.")
public class MemberOrder {

    /** Sortable fields. */
    @Name("MemberOrderField")
    @Description("Fields members can be sorted by.")
    public enum Field {
        @Description("Membership id (roughly the order they were registered).")
        ID,
        @Description("Name, by Unicode code point.")
        NAME,
        @Description("Join date; applications (no join date) last.")
        JOINED_ON
    }

    /** Direction. */
    @Name("SortDirection")
    @Description("Sort direction.")
    public enum Direction {
        @Description("Ascending.")
        ASC,
        @Description("Descending.")
        DESC
    }

    @Description("Field to sort by (default ID).")
    public Field field;

    @Description("Direction (default ASC).")
    public Direction direction;
}
