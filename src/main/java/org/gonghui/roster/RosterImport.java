package org.gonghui.roster;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.security.Subtree;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A roster import job as officials see it. Read-only here: the upload and the worker write the row
 * with SQL ({@link RosterImportService}, {@link RosterImportWorker}); the encrypted file and the
 * worker's claim are not mapped, so they can never reach a response.
 */
@Entity
@Table(name = "roster_import")
@Name("RosterImport")
@Description("花名册导入 (a roster import job: one CSV file for one grassroots union, processed in the background)")
public class RosterImport extends PanacheEntityBase {

    @jakarta.persistence.Id
    @Id
    @NonNull
    @Description("Id of the job, as returned by POST /imports/roster.")
    public Long id;

    @Id
    @NonNull
    @Column(name = "union_id")
    @Description("Id of the grassroots union the roster is for.")
    public Long unionId;

    @NonNull
    @Enumerated(EnumType.STRING)
    @Description("Where the job stands.")
    public RosterImportState state;

    @NonNull
    @Column(name = "dry_run")
    @Description("Validation only: nothing is written whatever the result.")
    public boolean dryRun;

    @NonNull
    @Description("false (default): nothing is written if any row fails; true: the valid rows are written and the failed ones reported.")
    public boolean partial;

    @Description("Character set the file was read with (UTF-8 or GB18030, or the one requested); null until validation starts.")
    public String encoding;

    @NonNull
    @Column(name = "size_bytes")
    @Description("Size of the uploaded file in bytes.")
    public int sizeBytes;

    @Column(name = "total_rows")
    @Description("Data rows in the file (the header row not counted); null until validation starts.")
    public Integer totalRows;

    @NonNull
    @Column(name = "processed_rows")
    @Description("Data rows checked so far; updated every 5,000 rows while the job runs.")
    public int processedRows;

    @NonNull
    @Column(name = "valid_rows")
    @Description("Checked rows that passed every check.")
    public int validRows;

    @NonNull
    @Column(name = "failed_rows")
    @Description("Checked rows with at least one failure.")
    public int failedRows;

    @NonNull
    @Column(name = "written_rows")
    @Description("Members written (0 until the job succeeds; always 0 for a dry run).")
    public int writtenRows;

    @NonNull
    @Column(name = "failures_truncated")
    @Description("Whether more failures occurred than are stored (gonghui.roster.max-failures, 10,000 by default).")
    public boolean failuresTruncated;

    @Description("Outcome in words, e.g. why a job failed.")
    public String message;

    @NonNull
    @Column(name = "requested_by")
    @Description("Token subject of the official who uploaded the file.")
    public String requestedBy;

    @NonNull
    @Column(name = "created_at")
    @Description("When the file was uploaded.")
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    @Description("When a worker first took the job up.")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    @Description("When the job ended (SUCCEEDED or FAILED).")
    public OffsetDateTime finishedAt;

    @Ignore
    @Column(name = "requester_union_id")
    public Long requesterUnionId;

    /**
     * Jobs of unions in the subtree with this path, newest first, ids below {@code beforeId}. By HQL,
     * so only mapped columns are read: never the encrypted file of a job still running.
     */
    static List<RosterImport> findPage(Subtree subtree, Long beforeId, int limit) {
        if (limit == 0) {
            return List.of();
        }
        return find("from RosterImport r where r.id < :before and " + subtree.hqlUnionIdIn("r.unionId") + "\norder by r.id desc",
                subtree.panacheParameters().and("before", beforeId == null ? Long.MAX_VALUE : beforeId))
                .range(0, limit - 1).list();
    }
}
