package org.gonghui.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.security.Subtree;
import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** One audited act: who did what to which record, when, within which request. */
@Entity
@Table(name = "audit_event")
@Description("审计记录 (one audited change: who, what, when, in which request)")
public class AuditEvent extends PanacheEntityBase {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Id
    @NonNull
    @Description("Id of the record; later records have larger ids.")
    public Long id;

    @NonNull
    @Column(name = "occurred_at", insertable = false, updatable = false)
    @Description("When it happened.")
    public OffsetDateTime occurredAt;

    @Column(name = "request_id")
    @Description("The request id (X-Request-Id), to find the request in the logs.")
    public String requestId;

    @NonNull
    @Column(name = "actor_subject")
    @Description("Token subject of whoever acted; system:<job> for the service's own jobs, e.g. system:transfer-request-expiry.")
    public String actorSubject;

    @NonNull
    @Column(name = "actor_role")
    @Description("Their tier role; system for the service's own jobs.")
    public String actorRole;

    @Id
    @Column(name = "actor_union_id")
    @Description("The union their login is bound to; null for members.")
    public Long actorUnionId;

    @NonNull
    @Description("The operation, e.g. createUnion.")
    public String operation;

    @NonNull
    @Column(name = "target_type")
    @Description("Kind of record acted on, e.g. Union.")
    public String targetType;

    @Id
    @NonNull
    @Column(name = "target_id")
    @Description("Id of the record acted on.")
    public Long targetId;

    @Description("The reason the actor gave, e.g. why personal data was revealed.")
    public String reason;

    @Ignore
    @Column(name = "target_union_id")
    public Long targetUnionId;

    @Ignore
    @Column(name = "target_path")
    public String targetPath;

    @Ignore
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String changes;

    static List<AuditEvent> findPage(Subtree subtree, AuditFilter filter, Long beforeId, int limit) {
        // target_path is the union's path as it was recorded: the subtree's range applies to that copy
        StringBuilder where = new StringBuilder(subtree.onPath("targetPath"));
        Parameters params = subtree.panacheParameters();
        if (filter != null) {
            if (filter.operation != null) {
                where.append(" and operation = :operation");
                params = params.and("operation", filter.operation);
            }
            if (filter.actorSubject != null) {
                where.append(" and actorSubject = :actor");
                params = params.and("actor", filter.actorSubject);
            }
            if (filter.since != null) {
                where.append(" and occurredAt >= :since");
                params = params.and("since", filter.since);
            }
            if (filter.until != null) {
                where.append(" and occurredAt < :until");
                params = params.and("until", filter.until);
            }
        }
        if (beforeId != null) {
            where.append(" and id < :before");
            params = params.and("before", beforeId);
        }
        return find(where.toString(), Sort.descending("id"), params).range(0, limit - 1).list();
    }
}
