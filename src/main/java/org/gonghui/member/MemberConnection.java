package org.gonghui.member;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.PageInfo;
import org.gonghui.support.PageRequest;

/** A Relay connection of members; {@code totalCount} is counted only when selected, from {@link #countOf}. */
@Description("会员列表 (a page of members, Relay connection)")
public class MemberConnection {

    @NonNull
    @Description("The members of this page.")
    public List<@NonNull MemberEdge> edges;

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    /** What totalCount counts: a {@link MemberQuery}, the members of one union, or a caller's applications. */
    @Ignore
    final Object countOf;

    MemberConnection(List<Member> rows, PageRequest page, Function<Member, String> cursor, Object countOf) {
        this.edges = page.rowsOf(rows).stream().map(m -> new MemberEdge(m, cursor.apply(m))).toList();
        this.pageInfo = PageInfo.of(page, page.hasNext(rows), edges.stream().map(e -> e.cursor).toList());
        this.countOf = countOf;
    }

    /** Count key of the members of one union with the given statuses. */
    record MembersOf(long unionId, String statuses) {
    }

    /** Count key of the applications of one login. */
    record ApplicationsOf(String subject) {
    }
}
