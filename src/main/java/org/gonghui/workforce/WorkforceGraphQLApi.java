package org.gonghui.workforce;

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
import org.gonghui.member.KeyGroup;
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;

/** Workforce registry, key-group enrolment rates and enrolment targets with their progress. Officials only, in their subtree. */
@GraphQLApi
@TranslateErrors
public class WorkforceGraphQLApi {

    public static final Ordering<Void> COUNTS = Ordering.byId("Query.workforceCounts");

    public static final Ordering<Void> TARGETS = Ordering.byId("Query.enrolmentTargets");

    @Inject
    WorkforceService workforce;

    @Inject
    Paging paging;

    @Mutation("recordWorkforceCount")
    @RateLimited
    @Description("登记从业人员数 (record the registered workers of a key group in a union's area; the latest count per group is used).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public WorkforceCount recordWorkforceCount(@NonNull @Name("input") @Description("The count.") WorkforceInputs.Count input) {
        return workforce.record(input);
    }

    @Query("workforceCounts")
    @Description("从业人员登记记录 (counts recorded for unions of a subtree, in the order recorded).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public WorkforceCountConnection workforceCounts(
            @Id @Name("unionId") @Description("The subtree's union; default your own.") Long unionId,
            @Name("keyGroup") @Description("Only this group.") KeyGroup keyGroup,
            @Name("first") @Description("Page size, 0 to the maximum page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last row of the previous page.") String after) {
        return workforce.counts(unionId, keyGroup, PageRequest.of(first, after, paging, COUNTS));
    }

    @Query("keyGroupEnrolment")
    @Description("重点群体入会率 (for every key group: members of the union's subtree now, the latest registered count of its area, the rate).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull KeyGroupEnrolment> keyGroupEnrolment(@NonNull @Id @Name("unionId") @Description("The union.") Long unionId) {
        return workforce.enrolment(unionId);
    }

    @Mutation("setEnrolmentTarget")
    @RateLimited
    @Description("设定入会目标 (set an enrolment target for a union's area).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public EnrolmentTarget setEnrolmentTarget(@NonNull @Name("input") @Description("The target.") WorkforceInputs.Target input) {
        return workforce.setTarget(input);
    }

    @Mutation("deleteEnrolmentTarget")
    @RateLimited
    @Description("删除入会目标 (delete a target of your subtree); true when deleted.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public boolean deleteEnrolmentTarget(@NonNull @Id @Name("id") @Description("The target.") Long id) {
        return workforce.deleteTarget(id);
    }

    @Query("enrolmentTargets")
    @Description("入会目标 (targets set for unions of a subtree, with their progress).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public EnrolmentTargetConnection enrolmentTargets(
            @Id @Name("unionId") @Description("The subtree's union; default your own.") Long unionId,
            @Name("first") @Description("Page size, 0 to the maximum page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last target of the previous page.") String after) {
        return workforce.targets(unionId, PageRequest.of(first, after, paging, TARGETS));
    }

    @Name("progress")
    @Description("进度 (the target measured against the figures). Batched: a page of targets costs one statement per evaluation day and one for the counts.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull TargetProgress> progress(@Source List<EnrolmentTarget> sources) {
        return workforce.progress(sources);
    }
}
