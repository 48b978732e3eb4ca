package org.gonghui.roster;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;
import org.gonghui.union.UnionRef;

/**
 * Roster import jobs as GraphQL: officials poll the job that {@code POST /imports/roster} answered
 * with, and list the jobs of their subtree. Nested fields take all jobs at once to avoid N+1 queries.
 */
@GraphQLApi
@TranslateErrors
public class RosterImportGraphQLApi {

    public static final Ordering<Void> IMPORTS = Ordering.of("Query.rosterImports", "id desc");

    public static final Ordering<Void> FAILURES = Ordering.of("RosterImport.failures", "row");

    @Inject
    RosterImportService imports;

    @Inject
    Paging paging;

    @Query("rosterImport")
    @Description("一个花名册导入任务 (one roster import job of a union in your subtree: state, progress, failures). NOT_FOUND otherwise.")
    @RolesAllowed(Roles.OFFICIAL)
    public RosterImport rosterImport(@NonNull @Id @Name("id") @Description("Id of the job, as POST /imports/roster returned it.") Long id) {
        return imports.get(id);
    }

    @Query("rosterImports")
    @Description("花名册导入任务列表 (roster import jobs of the unions at or below a union of your subtree), newest first.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public RosterImportConnection rosterImports(
            @Id @Name("unionId") @Description("A union of your subtree; omitted: your own union.") Long unionId,
            @Name("first") @Description("Page size, 0 to the maximum page size (100 by default); default 20.") Integer first,
            @Name("after") @Description("Cursor of the last job of the previous page.") String after) {
        return imports.list(unionId, PageRequest.of(first, after, paging, IMPORTS));
    }

    // --- fields of RosterImport; batched

    @Name("union")
    @Description("导入的工会 (the grassroots union the roster is for: id, name, level).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull UnionRef> union(@Source List<RosterImport> sources) {
        return imports.unionsOf(sources);
    }

    @Name("failures")
    @Description("失败项 (failed checks in row order: row, column, code, message; at most gonghui.roster.max-failures are kept).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull RosterImportFailureConnection> failures(@Source List<RosterImport> sources,
            @Name("first") @Description("Page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last failure of the previous page.") String after) {
        return imports.failuresOf(sources, PageRequest.of(first, after, paging, FAILURES));
    }
}
