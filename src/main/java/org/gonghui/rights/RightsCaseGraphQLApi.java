package org.gonghui.rights;

import java.util.List;
import java.util.Map;

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
import org.gonghui.calendar.WorkingCalendar;
import org.gonghui.security.CallerInfo;
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.support.paging.SortKey;
import org.gonghui.union.TradeUnion;

/**
 * Rights cases (维权): workers submit and follow their own, officials record, handle and read those of
 * their subtree; every case is shown per the caller's reach ({@link RightsCaseAccess}).
 */
@GraphQLApi
@TranslateErrors
public class RightsCaseGraphQLApi {

    public static final Ordering<Void> NEWEST_FIRST = Ordering.of("Query.rightsCases", "submittedAt desc");
    public static final Ordering<Void> OLDEST_FIRST = Ordering.of("Query.rightsCases", "submittedAt asc");
    public static final Ordering<java.time.LocalDate> DUE_FIRST = Ordering.of("Query.rightsCases", "due asc", SortKey.DATE);
    public static final Ordering<java.time.LocalDate> DUE_LAST = Ordering.of("Query.rightsCases", "due desc", SortKey.DATE);
    public static final Ordering<Void> OWN_CASES = Ordering.of("Caller.rightsCases", "id desc");

    @Inject
    WorkingCalendar calendar;

    @Inject
    RightsCaseAttachmentService attachments;

    @Inject
    RightsCaseService cases;

    @Inject
    RightsCaseReads reads;

    @Inject
    Paging paging;

    // --- workers

    @Mutation("submitRightsCase")
    @RateLimited
    @Description("提交维权诉求 (a worker submits a rights case from the app). Routed to your union (to the union above it by default when the case "
            + "is against your own enterprise union's employer), or without a membership to your area's community or joint union, else its "
            + "county federation. CONFLICT naming the open case when you have one against the same employer in the same category.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public RightsCase submitRightsCase(@NonNull @Name("input") @Description("The case.") RightsCaseInputs.Submit input) {
        return cases.submit(input);
    }

    @Mutation("confirmRightsCase")
    @RateLimited
    @Description("确认办结并评价 (the worker confirms a RESOLVED case and rates it: CLOSED). Only the worker whose case it is.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public RightsCase confirmRightsCase(@NonNull @Id @Name("id") @Description("The case.") Long id,
            @NonNull @Name("version") @Description("The version you read.") Integer version,
            @NonNull @Name("rating") @Description("满意度 (1 to 5).") Integer rating,
            @Name("comment") @Description("评价意见 (up to 500 characters).") String comment) {
        return cases.confirm(id, version, rating, comment);
    }

    @Name("rightsCases")
    @Description("本人的维权个案 (the cases submitted with this login or recorded for it, newest first; never internal notes).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public RightsCaseConnection ownRightsCases(@Source CallerInfo me,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last case of the previous page.") String after) {
        return reads.own(PageRequest.of(first, after, paging, OWN_CASES));
    }

    // --- officials

    @Mutation("recordRightsCase")
    @RateLimited
    @Description("登记维权个案 (record a case taken by the hotline, at the walk-in desk, at a station or on the web, for a member of your subtree "
            + "or for anyone else; handled by a union of your subtree, default your own).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCase recordRightsCase(@NonNull @Name("input") @Description("The case.") RightsCaseInputs.Record input) {
        return cases.record(input);
    }

    @Mutation("acceptRightsCase")
    @RateLimited
    @Description("受理 (accept a SUBMITTED case: it is assigned to you, the accepting official, and gets its resolution deadline; nobody "
            + "assigns a case to another official, as the service keeps no register of officials' logins). Officials of the handling union "
            + "and of the union directly above it; other officials who see the case are FORBIDDEN.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCase acceptRightsCase(@NonNull @Id @Name("id") @Description("The case.") Long id,
            @NonNull @Name("version") @Description("The version you read.") Integer version) {
        return cases.accept(id, version);
    }

    @Mutation("declineRightsCase")
    @RateLimited
    @Description("不予受理 (decline a SUBMITTED case with a reason the worker reads).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCase declineRightsCase(@NonNull @Id @Name("id") @Description("The case.") Long id,
            @NonNull @Name("version") @Description("The version you read.") Integer version,
            @NonNull @Name("reason") @Description("理由 (up to 500 characters).") String reason) {
        return cases.decline(id, version, reason);
    }

    @Mutation("startRightsCase")
    @RateLimited
    @Description("开始办理 (an ACCEPTED case goes IN_PROGRESS).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCase startRightsCase(@NonNull @Id @Name("id") @Description("The case.") Long id,
            @NonNull @Name("version") @Description("The version you read.") Integer version) {
        return cases.start(id, version);
    }

    @Mutation("addRightsCaseStep")
    @RateLimited
    @Description("添加办理记录 (an internal note, a contact record or an action, with its text, on an open case; the text is encrypted and "
            + "read only through revealRightsCase).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCase addRightsCaseStep(@NonNull @Id @Name("id") @Description("The case.") Long id,
            @NonNull @Name("version") @Description("The version you read.") Integer version,
            @NonNull @Name("kind") @Description("NOTE, CONTACT or ACTION.") RightsCaseInputs.NoteKind kind,
            @NonNull @Name("text") @Description("The text (up to 2,000 characters).") String text) {
        return cases.addStep(id, version, kind, text);
    }

    @Mutation("referRightsCase")
    @RateLimited
    @Description("上报转办 (refer an open case to the union directly above the handling one: it starts there again as SUBMITTED with a new "
            + "acceptance deadline; the history stays; your union keeps seeing its status and outcome).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCase referRightsCase(@NonNull @Id @Name("id") @Description("The case.") Long id,
            @NonNull @Name("version") @Description("The version you read.") Integer version,
            @NonNull @Name("reason") @Description("理由 (up to 500 characters; encrypted).") String reason) {
        return cases.refer(id, version, reason);
    }

    @Mutation("resolveRightsCase")
    @RateLimited
    @Description("办结 (resolve an ACCEPTED or IN_PROGRESS case with its outcome; the working days it took are recorded). The worker confirms it, "
            + "or it closes by itself 7 calendar days later.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCase resolveRightsCase(@NonNull @Id @Name("id") @Description("The case.") Long id,
            @NonNull @Name("version") @Description("The version you read.") Integer version,
            @NonNull @Name("outcome") @Description("The outcome.") RightsCaseOutcome outcome,
            @Name("wagesRecoveredYuan") @Description("追回工资 (yuan, exact decimal string; required for WAGES_RECOVERED).") String wagesRecoveredYuan,
            @Name("outcomeText") @Description("结果说明 (up to 1,000 characters; required for OTHER).") String outcomeText) {
        return cases.resolve(id, version, outcome, wagesRecoveredYuan, outcomeText);
    }

    @Mutation("revealRightsCase")
    @RateLimited
    @Description("查阅个案全文 (the worker's name and phone, the description and every step's text, internal notes included). Officials of the "
            + "handling union and of the union directly above it; the read and its reason are audited.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RevealedRightsCase revealRightsCase(@NonNull @Id @Name("id") @Description("The case.") Long id,
            @NonNull @Name("reason") @Description("Why you read it (recorded in the audit trail; up to 500 characters).") String reason) {
        return reads.reveal(id, reason);
    }

    // --- reads

    @Query("rightsCase")
    @Description("维权个案 (one case, as your reach shows it). NOT_FOUND when you do not reach it, exactly as when it does not exist.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public RightsCase rightsCase(@NonNull @Id @Name("id") @Description("The case.") Long id) {
        return reads.one(id);
    }

    @Query("rightsCases")
    @Description("维权个案队列 (the cases handled by the unions of a subtree, filtered; default newest first). Overdue cases of the unions "
            + "directly below the subtree's union are its escalated cases (filter.escalated).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RightsCaseConnection rightsCases(@Name("filter") @Description("Which cases; default every case of your subtree.") RightsCaseInputs.Filter filter,
            @Name("orderBy") @Description("The order; default SUBMITTED_AT DESC.") RightsCaseInputs.Order orderBy,
            @Name("first") @Description("Page size, 0 to the maximum page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last case of the previous page, in the same order.") String after) {
        return reads.queue(filter, PageRequest.of(first, after, paging, ordering(orderBy)));
    }

    /** The ordering of the queue for orderBy (each its own cursors). */
    static Ordering<?> ordering(RightsCaseInputs.Order order) {
        if (order == null) {
            return NEWEST_FIRST;
        }
        boolean due = order.field == RightsCaseInputs.Order.Field.DUE;
        RightsCaseInputs.Order.Direction direction = order.direction != null ? order.direction
                : due ? RightsCaseInputs.Order.Direction.ASC : RightsCaseInputs.Order.Direction.DESC;
        boolean ascending = direction == RightsCaseInputs.Order.Direction.ASC;
        return due ? (ascending ? DUE_FIRST : DUE_LAST) : (ascending ? OLDEST_FIRST : NEWEST_FIRST);
    }

    @Name("totalCount")
    @Description("Number of cases in the whole list, all pages together.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull Integer> rightsCaseCount(@Source List<RightsCaseConnection> sources) {
        return reads.totalCounts(sources);
    }

    // --- nested, batched per page (no N+1)

    @Name("steps")
    @Description("办理步骤 (every step, oldest first: the worker sees those that are not internal; who acted only the handling officials).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull List<@NonNull RightsCaseStep>> steps(@Source List<RightsCase> sources) {
        return reads.steps(sources);
    }

    @Name("yearsWithoutSchedule")
    @Description("无节假日安排的年份 (this year or the next when the State Council's holiday schedule has not been entered: deadlines "
            + "in them assume Monday to Friday, see deadlineFallback). One statement when selected, for every list of the request.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull List<@NonNull Integer>> yearsWithoutSchedule(@Source List<RightsCaseConnection> sources) {
        List<Integer> missing = calendar.yearsWithoutSchedule();
        return sources.stream().map(c -> missing).toList();
    }

    @Name("attachments")
    @Description("材料 (the case's attachments: wage slips, contracts, photos; metadata only, each downloaded at its downloadPath). "
            + "Shown to the worker and to officials of the handling union and the union directly above it; null for anyone else.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    public List<List<@NonNull RightsCaseAttachment>> attachments(@Source List<RightsCase> sources) {
        Map<Long, List<RightsCaseAttachment>> byCase = attachments.attachmentsOf(
                sources.stream().filter(c -> c.reach != null && c.reach.readsTexts()).map(c -> c.id).toList());
        return sources.stream().map(c -> c.reach != null && c.reach.readsTexts() ? byCase.getOrDefault(c.id, List.of()) : null).toList();
    }

    @Name("handlingUnion")
    @Description("受理工会 (the union handling the case now; null when it lies outside your subtree, and for workers: see handlingUnionName).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    public List<TradeUnion> handlingUnion(@Source List<RightsCase> sources) {
        return reads.unions(sources, c -> c.handlingUnionId);
    }

    @Name("receivedUnion")
    @Description("首次受理工会 (the union the case was first lodged with; null when it lies outside your subtree, and for workers).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    public List<TradeUnion> receivedUnion(@Source List<RightsCase> sources) {
        return reads.unions(sources, c -> c.receivedUnionId);
    }
}
