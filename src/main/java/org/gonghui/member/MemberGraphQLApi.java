package org.gonghui.member;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.security.CallerInfo;
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.support.paging.SortKey;
import org.gonghui.union.TradeUnion;
import org.gonghui.union.UnionRef;

/**
 * The member registry as GraphQL: searches and record changes for officials (confined to their
 * subtree by {@link MemberService}), applications and transfers ({@link MembershipWorkflows}), and a
 * member's own view under {@code me}. Nested list fields take all parents at once to avoid N+1 queries.
 */
@GraphQLApi
@TranslateErrors
public class MemberGraphQLApi {

    public static final Ordering<Void> TRANSFERS = Ordering.of("Query.membershipTransfers", "id desc");

    public static final Ordering<Void> UNION_MEMBERS = Ordering.byId("Union.members");

    public static final Ordering<Void> APPLICATIONS = Ordering.of("Caller.applications", "id desc");

    public static final Ordering<Void> HISTORY = Ordering.byId("Member.history");

    public static final Ordering<Void> OWN_REQUESTS = Ordering.of("Caller.transferRequests", "id desc");

    @Inject
    MemberService members;

    @Inject
    MembershipWorkflows workflows;

    @Inject
    Paging paging;

    @Query("member")
    @Description("一名会员 (one member or applicant in your subtree, or one being transferred into it). NOT_FOUND otherwise.")
    @RolesAllowed(Roles.OFFICIAL)
    public Member member(@NonNull @Id @Name("id") @Description("Id of the member (membership).") Long id) {
        return members.get(id);
    }

    @Query("members")
    @Description("会员查询 (members and applicants of your subtree matching the filter), sorted; personal data masked.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public MemberConnection members(
            @Name("filter") @Description("Conditions; omitted: every member of your subtree.") MemberFilter filter,
            @Name("orderBy") @Description("Sort order; default by id ascending.") MemberOrder orderBy,
            @Name("first") @Description("Page size, 0 to the maximum page size (100 by default); default 20.") Integer first,
            @Name("after") @Description("Cursor of the last member of the previous page (from a list with the same sort).") String after) {
        return members.list(filter, orderBy, PageRequest.of(first, after, paging, membersOrdering(orderBy)));
    }

    @Query("membershipTransfers")
    @Description("会员接转 (transfers and members' transfer requests from or to unions of your subtree), newest first; both unions' "
            + "officials see a request, and `requester` shows who asks while it is open.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public TransferConnection membershipTransfers(
            @Name("filter") @Description("Conditions; omitted: every transfer touching your subtree.") TransferFilter filter,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last transfer of the previous page.") String after) {
        return workflows.transfers(filter, PageRequest.of(first, after, paging, TRANSFERS));
    }

    @Query("membershipTransfer")
    @Description("一条接转记录 (one transfer from or to a union of your subtree). NOT_FOUND otherwise.")
    @RolesAllowed(Roles.OFFICIAL)
    public MembershipTransfer membershipTransfer(@NonNull @Id @Name("id") @Description("Id of the transfer.") Long id) {
        return workflows.transfer(id);
    }

    // --- fields added to Union and Caller; batched

    @Name("members")
    @Description("本工会会员 (members and applicants of this union itself, not of unions below), in id order.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull MemberConnection> unionMembers(@Source List<TradeUnion> sources,
            @Name("statuses") @Description("Only these statuses (default every status).") List<MemberStatus> statuses,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last member of the previous page.") String after) {
        return members.membersOf(sources, statuses, PageRequest.of(first, after, paging, UNION_MEMBERS));
    }

    @Name("memberCount")
    @Description("会员数 (members of this union itself that count: PROVISIONAL, ACTIVE, TRANSFERRING, RETAINED).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> memberCount(@Source List<TradeUnion> sources) {
        return members.memberCounts(sources);
    }

    @Name("membership")
    @Description("本人会籍 (for a member: their membership that counts, else their latest; null until their login is linked to a member record).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    public Member membership(@Source CallerInfo me) {
        return members.ownMembership();
    }

    @Name("applications")
    @Description("本人的入会申请 (applications made with this login or for the person it is linked to), newest first.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public MemberConnection applications(@Source CallerInfo me,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last application of the previous page.") String after) {
        return members.ownApplications(PageRequest.of(first, after, paging, APPLICATIONS));
    }

    @Name("transferRequests")
    @Description("本人的转会申请 (the transfer requests made for the person this login is linked to, newest first; empty without a linked membership).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public TransferRequestConnection transferRequests(@Source CallerInfo me,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last request of the previous page.") String after) {
        return workflows.ownRequests(PageRequest.of(first, after, paging, OWN_REQUESTS));
    }

    @Name("totalCount")
    @Description("Number of the member's transfer requests, all pages together.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull Integer> transferRequestCount(@Source List<TransferRequestConnection> sources) {
        return workflows.requestCounts(sources);
    }

    // --- fields of Member, MemberConnection and MembershipTransfer; batched

    @Name("union")
    @Description("所在工会 (the union of the membership: id, name, level).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull UnionRef> union(@Source List<Member> sources) {
        return members.unionsOf(sources);
    }

    @Name("unionChain")
    @Description("工会隶属链 (the member's union and the unions above it, up to the province; grassroots first).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull List<@NonNull UnionRef>> unionChain(@Source List<Member> sources) {
        return members.unionChains(sources);
    }

    @Name("history")
    @Description("会籍变动记录 (status history, oldest first; kept across transfers).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull MembershipEventConnection> history(@Source List<Member> sources,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last change of the previous page.") String after) {
        return members.histories(sources, PageRequest.of(first, after, paging, HISTORY));
    }

    @Name("totalCount")
    @Description("Number of members in the whole list, all pages together.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull Integer> totalCount(@Source List<MemberConnection> sources) {
        return members.totalCounts(sources);
    }

    @Name("member")
    @Description("The member being transferred (masked personal data); null when you may no longer see them "
            + "(as member(id) would say NOT_FOUND: the outgoing side after acceptance, the receiving side after cancellation). "
            + "memberName still says who moved.")
    @RolesAllowed(Roles.OFFICIAL)
    public List<Member> transferMember(@Source List<MembershipTransfer> sources) {
        return workflows.membersOf(sources);
    }

    @Name("requester")
    @Description("申请转会的会员 (name, card number and status of the member who asks to move), for both unions' officials while the "
            + "request is REQUESTED and not past its expiry; null for other transfers and once the request ends. The receiving union "
            + "sees nothing else of the member before a release.")
    @RolesAllowed(Roles.OFFICIAL)
    public List<TransferRequester> requester(@Source List<MembershipTransfer> sources) {
        return workflows.requestersOf(sources);
    }

    // --- mutations

    @Mutation("applyForMembership")
    @RateLimited
    @Description("申请入会 (apply to join a grassroots union: a worker for themselves, or an official on a worker's behalf). "
            + "CONFLICT when the person already holds a membership or has an application waiting.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public Member applyForMembership(@NonNull @Name("input") @Description("The application.") MemberInputs.Apply input) {
        return workflows.apply(input);
    }

    @Mutation("approveApplication")
    @RateLimited
    @Description("批准入会 (approve an application: the member becomes ACTIVE, or PROVISIONAL when they applied by area; a card number is issued).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public Member approveApplication(@NonNull @Name("input") @Description("The application and the version you read.") MemberInputs.Decision input) {
        return workflows.approve(input);
    }

    @Mutation("rejectApplication")
    @RateLimited
    @Description("不予批准 (reject an application, with a reason).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public Member rejectApplication(@NonNull @Name("input") @Description("The application, the version you read and the reason.") MemberInputs.Decision input) {
        return workflows.reject(input);
    }

    @Mutation("withdrawApplication")
    @RateLimited
    @Description("撤回申请 (the applicant, or an official in scope, takes a pending application back).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public Member withdrawApplication(@NonNull @Name("input") @Description("The application and the version you read.") MemberInputs.Decision input) {
        return workflows.withdrawApplication(input);
    }

    @Mutation("updateMember")
    @RateLimited
    @Description("修改会员信息 (change a member's phone, employment and flags).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public Member updateMember(@NonNull @Name("input") @Description("The changes and the version you read.") MemberInputs.Update input) {
        return members.update(input);
    }

    @Mutation("changeMemberStatus")
    @RateLimited
    @Description("会籍变更 (retain, withdraw, record a death, or reactivate a retained member), with a reason.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public Member changeMemberStatus(@NonNull @Name("input") @Description("The member, the version you read, the new status and the reason.") MemberInputs.ChangeStatus input) {
        return members.changeStatus(input);
    }

    @Mutation("releaseMember")
    @RateLimited
    @Description("转出 (the outgoing union releases a member to another grassroots union; the member is TRANSFERRING until accepted or cancelled). "
            + "When the member has an open transfer request, releasing them to the union they asked for turns that request into this "
            + "transfer; releasing them elsewhere is CONFLICT until the request is declined.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public MembershipTransfer releaseMember(@NonNull @Name("input") @Description("The member, the version you read and the receiving union.") MemberInputs.Release input) {
        return workflows.release(input);
    }

    @Mutation("acceptTransfer")
    @RateLimited
    @Description("接收 (the receiving union accepts a transfer; the original join date and the history stay).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public Member acceptTransfer(@NonNull @Name("input") @Description("The transfer and the member's version you read.") MemberInputs.TransferDecision input) {
        return workflows.accept(input);
    }

    @Mutation("cancelTransfer")
    @RateLimited
    @Description("撤销接转 (either side cancels a transfer before it is accepted; the member returns to their previous status).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public MembershipTransfer cancelTransfer(@NonNull @Name("input") @Description("The transfer, the member's version you read and the reason.") MemberInputs.TransferDecision input) {
        return workflows.cancel(input);
    }

    @Mutation("requestTransfer")
    @RateLimited
    @Description("申请转会 (a member asks to move their membership to another grassroots union, named or by region code). The outgoing "
            + "union releases (releaseMember) or declines it within 30 days, else it expires. NOT_FOUND without a linked membership in good "
            + "standing; CONFLICT with an open request or transfer; VALIDATION unless exactly one of toUnionId and regionCode is given.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public TransferRequest requestTransfer(@NonNull @Name("input") @Description("Where to and why.") MemberInputs.RequestTransfer input) {
        return workflows.requestTransfer(input);
    }

    @Mutation("cancelTransferRequest")
    @RateLimited
    @Description("撤回转会申请 (the member withdraws their own REQUESTED request). NOT_FOUND for anyone else's; CONFLICT once it has ended.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public TransferRequest cancelTransferRequest(@NonNull @Id @Name("id") @Description("Id of the request.") Long id,
            @Name("reason") @Description("Why (optional, up to 500 characters).") String reason) {
        return workflows.cancelRequest(id, reason);
    }

    @Mutation("declineTransferRequest")
    @RateLimited
    @Description("不同意转会申请 (the outgoing union declines a member's REQUESTED request, with a reason the member reads). The receiving "
            + "union: FORBIDDEN; outside both unions' subtrees: NOT_FOUND; an ended or expired request: CONFLICT.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public MembershipTransfer declineTransferRequest(@NonNull @Id @Name("id") @Description("Id of the request (a REQUESTED transfer).") Long id,
            @NonNull @Name("reason") @Description("Why (required, up to 500 characters; the member reads it).") String reason) {
        return workflows.declineRequest(id, reason);
    }

    @Mutation("revealMemberPersonalData")
    @RateLimited
    @Description("查看完整个人信息 (reveal a member's full ID number or phone). Only officials of the member's own union and of the union "
            + "directly above it; every reveal is audited with its reason.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RevealedPersonalData revealMemberPersonalData(@NonNull @Name("input") @Description("The member, the datum and your reason.") MemberInputs.Reveal input) {
        return members.reveal(input);
    }

    @Mutation("linkMemberLogin")
    @RateLimited
    @Description("绑定登录账号 (link a person's own login to their member record).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public Member linkMemberLogin(@NonNull @Name("input") @Description("The member and the login's subject.") MemberInputs.LinkLogin input) {
        return members.linkLogin(input);
    }

    /** The ordering of {@code members} in the given sort: its cursors carry the sort value (name or join date) and the id. */
    public static Ordering<?> membersOrdering(MemberOrder order) {
        MemberOrder.Field field = order == null || order.field == null ? MemberOrder.Field.ID : order.field;
        MemberOrder.Direction direction = order == null || order.direction == null ? MemberOrder.Direction.ASC : order.direction;
        String sort = field + " " + direction;
        return switch (field) {
            case ID -> Ordering.of("Query.members", sort);
            case NAME -> Ordering.of("Query.members", sort, SortKey.TEXT);
            case JOINED_ON -> Ordering.of("Query.members", sort, SortKey.DATE);
        };
    }
}
