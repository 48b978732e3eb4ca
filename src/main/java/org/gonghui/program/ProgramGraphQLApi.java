package org.gonghui.program;

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
import org.gonghui.union.UnionRef;

/** Service programs as GraphQL: officials keep programs and benefits; members see and apply to what is open to them. */
@GraphQLApi
@TranslateErrors
public class ProgramGraphQLApi {

    public static final Ordering<Void> PROGRAMS = Ordering.byId("Query.servicePrograms");

    public static final Ordering<Void> APPLICATIONS = Ordering.of("Query.programApplications", "id desc");

    public static final Ordering<Void> BENEFICIARIES = Ordering.byId("ServiceProgram.beneficiaries");

    public static final Ordering<Void> OPEN_TO_ME = Ordering.byId("Caller.programsOpenToMe");

    public static final Ordering<Void> MY_APPLICATIONS = Ordering.of("Caller.programApplications", "id desc");

    @Inject
    ProgramService programs;

    @Inject
    Paging paging;

    @Query("serviceProgram")
    @Description("一个服务项目 (one program organised in your subtree). NOT_FOUND otherwise.")
    @RolesAllowed(Roles.OFFICIAL)
    public ServiceProgram serviceProgram(@NonNull @Id @Name("id") @Description("Id of the program.") Long id) {
        return programs.get(id);
    }

    @Query("servicePrograms")
    @Description("服务项目列表 (programs organised by unions of your subtree), in id order; budget, spending and beneficiary counts included.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ProgramConnection servicePrograms(@Name("filter") @Description("Conditions; omitted: every program of your subtree.") ProgramInputs.Filter filter,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last program of the previous page.") String after) {
        return programs.list(filter, PageRequest.of(first, after, paging, PROGRAMS));
    }

    @Query("programTotals")
    @Description("服务项目汇总 (programs, budget, spending and beneficiaries of a union's whole subtree, in total and by kind).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ProgramTotals programTotals(@Id @Name("unionId") @Description("The union; default yours.") Long unionId,
            @Name("year") @Description("Only programs whose period overlaps this calendar year.") Integer year) {
        return programs.totals(unionId, year);
    }

    @Query("programApplications")
    @Description("服务项目申请 (applications to one program of your subtree), newest first.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ProgramApplicationConnection programApplications(@NonNull @Id @Name("programId") @Description("The program.") Long programId,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last application of the previous page.") String after) {
        return programs.applications(programId, PageRequest.of(first, after, paging, APPLICATIONS));
    }

    // Batched fields (one statement per level of the response, avoiding N+1).

    @Name("organiser")
    @Description("主办工会 (the organising union: id, name, level).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull UnionRef> organiser(@Source List<ServiceProgram> sources) {
        return programs.organisers(sources);
    }

    @Name("beneficiaries")
    @Description("受益记录 (benefits granted by this program), in id order.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull BeneficiaryConnection> beneficiaries(@Source List<ServiceProgram> sources,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last benefit of the previous page.") String after) {
        return programs.beneficiaries(sources, PageRequest.of(first, after, paging, BENEFICIARIES));
    }

    @Name("programsOpenToMe")
    @Description("可申请的服务项目 (for a member: OPEN programs of the unions on their chain, current today, matching their key groups).")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public ProgramConnection programsOpenToMe(@Source CallerInfo me,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last program of the previous page.") String after) {
        return programs.openToMe(PageRequest.of(first, after, paging, OPEN_TO_ME));
    }

    @Name("programApplications")
    @Description("本人的服务项目申请 (the caller's own program applications), newest first.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public ProgramApplicationConnection myProgramApplications(@Source CallerInfo me,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last application of the previous page.") String after) {
        return programs.applications(null, PageRequest.of(first, after, paging, MY_APPLICATIONS));
    }

    @Name("totalCount")
    @Description("Number of programs in the whole list, all pages together.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull Integer> programCount(@Source List<ProgramConnection> sources) {
        return programs.totalCounts(sources);
    }

    @Name("totalCount")
    @Description("Number of applications in the whole list, all pages together.")
    @RolesAllowed({ Roles.OFFICIAL, Roles.MEMBER })
    @NonNull
    public List<@NonNull Integer> applicationCount(@Source List<ProgramApplicationConnection> sources) {
        return programs.totalCounts(sources);
    }

    @Name("totalCount")
    @Description("Number of benefits of the program, all pages together.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull Integer> beneficiaryCount(@Source List<BeneficiaryConnection> sources) {
        return programs.totalCounts(sources);
    }

    @Mutation("createServiceProgram")
    @RateLimited
    @Description("新建服务项目 (create a program organised by a union of your subtree).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ServiceProgram createServiceProgram(@NonNull @Name("input") @Description("The program.") ProgramInputs.Create input) {
        return programs.create(input);
    }

    @Mutation("updateServiceProgram")
    @RateLimited
    @Description("修改服务项目 (change a program, open or close it).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ServiceProgram updateServiceProgram(@NonNull @Name("input") @Description("The changes and the version you read.") ProgramInputs.Update input) {
        return programs.update(input);
    }

    @Mutation("grantBenefit")
    @RateLimited
    @Description("登记受益 (record a benefit of an OPEN program). CONFLICT past the budget; a member outside the organiser's subtree is VALIDATION.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public Beneficiary grantBenefit(@NonNull @Name("input") @Description("The benefit.") ProgramInputs.Grant input) {
        return programs.grant(input);
    }

    @Mutation("applyForProgram")
    @RateLimited
    @Description("申请服务项目 (a member applies to a program open to them).")
    @RolesAllowed({ Roles.MEMBER })
    @NonNull
    public ProgramApplication applyForProgram(@NonNull @Name("input") @Description("The program and a note.") ProgramInputs.Apply input) {
        return programs.apply(input);
    }

    @Mutation("decideProgramApplication")
    @RateLimited
    @Description("审批服务项目申请 (the organiser approves, recording the benefit, or rejects with a reason).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public ProgramApplication decideProgramApplication(@NonNull @Name("input") @Description("The decision.") ProgramInputs.Decide input) {
        return programs.decide(input);
    }
}
