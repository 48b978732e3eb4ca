package org.gonghui.hardship;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.gonghui.security.Roles;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;

/** Hardship files: one member at a time, never in lists, every read audited. */
@GraphQLApi
@TranslateErrors
public class HardshipGraphQLApi {

    @Inject
    HardshipService hardship;

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
}
