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
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;

/**
 * The workers' front door to their own record: claiming a membership with a code sent to the phone on
 * record, asking the union for help, and changing their own contact details; and the officials'
 * to-do list of those help requests. Every claim and help request answers alike whatever matched.
 */
@GraphQLApi
@TranslateErrors
public class ClaimGraphQLApi {

    public static final Ordering<Void> HELP_REQUESTS = Ordering.byId("Query.claimHelpRequests");

    @Inject
    ClaimService claims;

    @Inject
    ContactService contact;

    @Inject
    Paging paging;

    @Mutation("requestMembershipClaim")
    @RateLimited
    @Description("认领会籍 (claim a membership registered by your union, e.g. by roster import): when the ID number and name match a membership "
            + "that no login holds and that has a phone on record, a six-digit code valid for 5 minutes goes to that phone. The answer is the same "
            + "whatever matched; a login already linked to a member record is CONFLICT. Limited per login, per ID number and per client address "
            + "(RATE_LIMITED).")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public RequestReceived requestMembershipClaim(
            @NonNull @Name("idNumber") @Description("居民身份证号 (resident ID number).") String idNumber,
            @NonNull @Name("name") @Description("姓名 (name, as on the ID card).") String name) {
        return new RequestReceived(claims.requestClaim(idNumber, name));
    }

    @Mutation("confirmMembershipClaim")
    @RateLimited
    @Description("确认认领 (confirm a claim with the code sent to the phone on record): links your login to the membership, as linkMemberLogin does. "
            + "A wrong, expired or spent code and no pending claim are one answer (VALIDATION on code); five wrong tries spend a code.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public Member confirmMembershipClaim(@NonNull @Name("code") @Description("验证码 (the six-digit code).") String code) {
        return claims.confirmClaim(code).orElseThrow(() -> new ValidationException(ClaimService.WRONG_CODE));
    }

    @Mutation("requestClaimHelp")
    @RateLimited
    @Description("认领求助 (no code arrived: no phone on record, a changed phone, or the membership is already linked): the officials of the "
            + "matching membership's union get a to-do item and call you back. The answer is the same whatever matched; limited like "
            + "requestMembershipClaim.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public RequestReceived requestClaimHelp(
            @NonNull @Name("idNumber") @Description("居民身份证号 (resident ID number).") String idNumber,
            @NonNull @Name("name") @Description("姓名 (name, as on the ID card).") String name,
            @NonNull @Name("contactPhone") @Description("联系电话 (a mobile number to call you back on).") String contactPhone) {
        return new RequestReceived(claims.requestHelp(idNumber, name, contactPhone));
    }

    @Query("claimHelpRequests")
    @Description("会员求助待办 (help requests of workers whose membership belongs to a union of the subtree: claims without a code, lost phones), "
            + "oldest first.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ClaimHelpRequestConnection claimHelpRequests(
            @Id @Name("unionId") @Description("The subtree's union; default your own.") Long unionId,
            @Name("status") @Description("Only requests in this state (default every state).") ClaimHelpStatus status,
            @Name("first") @Description("Page size, 0 to the maximum page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last request of the previous page.") String after) {
        return claims.helpRequests(unionId, status, PageRequest.of(first, after, paging, HELP_REQUESTS));
    }

    @Name("totalCount")
    @Description("Number of help requests in the whole list, all pages together.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> helpRequestCount(@Source List<ClaimHelpRequestConnection> sources) {
        return claims.totalCounts(sources);
    }

    @Mutation("closeClaimHelpRequest")
    @RateLimited
    @Description("处理完毕 (close a help request of your subtree, e.g. after linkMemberLogin or updateMember; audited). A closed one is CONFLICT.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ClaimHelpRequest closeClaimHelpRequest(
            @NonNull @Id @Name("id") @Description("The request.") Long id,
            @Name("note") @Description("处理说明 (what was done; up to 500 characters).") String note) {
        return claims.closeHelp(id, note);
    }

    @Mutation("revealClaimHelpContactPhone")
    @RateLimited
    @Description("查看求助人完整联系电话 (reveal the full contact phone of a help request, to call the requester back). Only officials of the "
            + "request's union and of the union directly above it (others: FORBIDDEN); every reveal is audited with its reason.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RevealedContactPhone revealClaimHelpContactPhone(
            @NonNull @Name("input") @Description("The help request and your reason.") ClaimInputs.RevealContactPhone input) {
        return claims.revealContactPhone(input);
    }

    @Mutation("updateMyContact")
    @RateLimited
    @Description("更新本人联系信息 (a member with a linked membership: employer, credit code and occupation change at once; a new phone needs "
            + "confirmPhoneChange with the codes sent to it and to the phone on record, or, with oldPhoneLost, goes to the union's officials). "
            + "Without a linked membership: NOT_FOUND.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public MyContactUpdate updateMyContact(@NonNull @Name("input") @Description("The details to change.") ClaimInputs.UpdateMyContact input) {
        return contact.update(input);
    }

    @Mutation("confirmPhoneChange")
    @RateLimited
    @Description("确认更换手机号 (record the new phone with the code sent to it and the code sent to the phone on record; the previous phone "
            + "and your login are told). Wrong, expired or spent codes and no pending change are one answer (VALIDATION on code); five wrong "
            + "tries spend them.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public Member confirmPhoneChange(
            @NonNull @Name("newPhoneCode") @Description("发送到新手机号的验证码 (the code sent to the new phone).") String newPhoneCode,
            @Name("oldPhoneCode") @Description("发送到原手机号的验证码 (the code sent to the phone on record; omit only when none is on record).") String oldPhoneCode) {
        return contact.confirmPhoneChange(newPhoneCode, oldPhoneCode).orElseThrow(() -> new ValidationException(ClaimService.WRONG_CODE));
    }
}
