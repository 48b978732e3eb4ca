package org.gonghui.hardship;

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

/**
 * Hardship files: for officials one member at a time, never in lists, every read audited; for a member,
 * their own application and the status and step dates of their own files.
 */
@GraphQLApi
@TranslateErrors
public class HardshipGraphQLApi {

    public static final Ordering<Void> OWN_FILES = Ordering.of("Caller.hardshipFiles", "id desc");

    @Inject
    HardshipService hardship;

    @Inject
    Paging paging;

    @Query("hardshipFile")
    @Description("困难职工档案 (a member's current hardship file, else their latest; null if none). Only officials of the member's own union "
            + "and of the union directly above it (others: FORBIDDEN); the read and its reason are audited.")
    @RolesAllowed(Roles.OFFICIAL)
    public HardshipFileView hardshipFile(@NonNull @Id @Name("memberId") @Description("The member (membership id).") Long memberId,
            @NonNull @Name("reason") @Description("Why you read it (recorded in the audit trail).") String reason) {
        return hardship.read(memberId, reason);
    }

    @Mutation("openHardshipFile")
    @RateLimited
    @Description("困难职工建档 (open a hardship file: status APPLIED). CONFLICT if the person already has one that is not CLOSED.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public HardshipFileView openHardshipFile(@NonNull @Name("input") @Description("The file.") HardshipInputs.Open input) {
        return hardship.open(input);
    }

    @Mutation("advanceHardshipFile")
    @RateLimited
    @Description("推进建档流程 (review, public notice, confirm, or close a file; who and when are recorded).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public HardshipFileView advanceHardshipFile(@NonNull @Name("input") @Description("The step.") HardshipInputs.Advance input) {
        return hardship.advance(input);
    }

    @Mutation("applyForHardshipAid")
    @RateLimited
    @Description("申请困难帮扶 (a member applies for hardship aid at their own union: a file in status APPLIED, household facts encrypted). "
            + "NOT_FOUND without a linked membership in good standing; CONFLICT if the person already has a file that is not CLOSED.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public OwnHardshipCase applyForHardshipAid(@NonNull @Name("input") @Description("The application.") HardshipInputs.Apply input) {
        return hardship.apply(input);
    }

    @Name("hardshipFiles")
    @Description("本人的困难帮扶申请 (the hardship files of the person this login is linked to, newest first: status and step dates only).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public OwnHardshipCaseConnection hardshipFiles(@Source CallerInfo me,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last file of the previous page.") String after) {
        return hardship.own(PageRequest.of(first, after, paging, OWN_FILES));
    }

    @Name("totalCount")
    @Description("Number of the member's own hardship files, all pages together.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull Integer> ownHardshipCaseCount(@Source List<OwnHardshipCaseConnection> sources) {
        return hardship.ownCounts(sources);
    }
}
