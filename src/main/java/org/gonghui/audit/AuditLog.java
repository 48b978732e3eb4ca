package org.gonghui.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;

import org.gonghui.security.Caller;
import org.gonghui.security.CallerScope;
import org.gonghui.security.Scope;
import org.gonghui.security.Subtree;
import org.gonghui.support.RequestId;
import org.gonghui.support.paging.PageRequest;

/**
 * Writes audit records. {@code MANDATORY}: a record is only ever written inside the transaction of
 * the change it describes, so there is no change without its record and no record without its change.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    RequestId requestId;

    /** Records an act on a record that belongs to the union with the given id and path. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String operation, String targetType, long targetId, long unionId, String unionPath,
            Map<String, String> before, Map<String, String> after) {
        record(operation, targetType, targetId, unionId, unionPath, before, after, null);
    }

    /** The same, with the reason the actor gave (required for every reveal of personal data). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String operation, String targetType, long targetId, long unionId, String unionPath,
            Map<String, String> before, Map<String, String> after, String reason) {
        CallerScope who = caller.scope();
        write(caller.subject(), who.tier().role(), who.unionId(), operation, targetType, targetId, unionId, unionPath, before, after, reason);
    }

    /**
     * Records an act of the service itself, not of a caller: a scheduled job, or a rule that runs out of
     * time. The actor is {@code system:<job>} with role {@value #SYSTEM_ROLE}; the request id is the
     * current request's when a request happened to trigger it, else null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBySystem(String job, String operation, String targetType, long targetId, long unionId, String unionPath,
            Map<String, String> before, Map<String, String> after, String reason) {
        write(SYSTEM_ROLE + ":" + job, SYSTEM_ROLE, null, operation, targetType, targetId, unionId, unionPath, before, after, reason);
    }

    /** What one act did to one record, for {@link #recordEach}. */
    public record Change(long targetId, Map<String, String> before, Map<String, String> after) {
    }

    /**
     * Records one act of the caller on many records of one union at once (a rule applied to a whole set,
     * e.g. the open cases of a dissolved union): one record per change, all written in one statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEach(String operation, String targetType, long unionId, String unionPath, List<Change> changes, String reason) {
        if (changes.isEmpty()) {
            return;
        }
        CallerScope who = caller.scope();
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (Change change : changes) {
            rows.add(Json.createObjectBuilder().add("targetId", change.targetId()).add("changes", diff(change.before(), change.after())));
        }
        // the values that may be null travel in one JSON object, so that no parameter is bound untyped
        JsonObjectBuilder common = Json.createObjectBuilder();
        common.add("requestId", nullable(requestId.current()));
        common.add("actorUnionId", who.unionId() == null ? JsonValue.NULL : Json.createValue(who.unionId()));
        common.add("reason", nullable(reason));
        AuditEvent.getEntityManager().createNativeQuery("""
                insert into audit_event (request_id, actor_subject, actor_role, actor_union_id, operation, target_type, target_id,
                                         target_union_id, target_path, changes, reason)
                select c.v ->> 'requestId', :actor, :role, cast(c.v ->> 'actorUnionId' as bigint), :operation, :targetType,
                       cast(x.e ->> 'targetId' as bigint), :union, :targetPath, cast(x.e ->> 'changes' as jsonb), c.v ->> 'reason'
                  from jsonb_array_elements(cast(:rows as jsonb)) with ordinality as x(e, n), (select cast(:common as jsonb)) as c(v)
                 order by x.n""")
                .setParameter("actor", caller.subject())
                .setParameter("role", who.tier().role())
                .setParameter("operation", operation)
                .setParameter("targetType", targetType)
                .setParameter("union", unionId)
                .setParameter("targetPath", unionPath)
                .setParameter("rows", rows.build().toString())
                .setParameter("common", common.build().toString())
                .executeUpdate();
    }

    private static JsonValue nullable(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    /** The actor role of records written by the service itself ({@link #recordBySystem}). */
    public static final String SYSTEM_ROLE = "system";

    private void write(String actorSubject, String actorRole, Long actorUnionId, String operation, String targetType, long targetId,
            long unionId, String unionPath, Map<String, String> before, Map<String, String> after, String reason) {
        AuditEvent event = new AuditEvent();
        event.requestId = requestId.current();
        event.actorSubject = actorSubject;
        event.actorRole = actorRole;
        event.actorUnionId = actorUnionId;
        event.operation = operation;
        event.targetType = targetType;
        event.targetId = targetId;
        event.targetUnionId = unionId;
        event.targetPath = unionPath;
        event.changes = diff(before, after);
        event.reason = reason;
        event.persist();
    }

    /** Audit records about unions at or below {@code filter.under} (default: the caller's union), newest first. */
    public AuditEventConnection page(AuditFilter filter, PageRequest<Void> page) {
        Subtree subtree = scope.subtree(filter == null ? null : filter.under, "filter.under");
        return new AuditEventConnection(page.page(AuditEvent.findPage(subtree, filter, page.afterId(), page.rowsToFetch()), e -> e.id, null));
    }

    /** {"field": {"before": …, "after": …}} for every field whose value differs. */
    static String diff(Map<String, String> before, Map<String, String> after) {
        JsonObjectBuilder changes = Json.createObjectBuilder();
        Set<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        for (String field : fields) {
            String was = before.get(field);
            String is = after.get(field);
            if (!Objects.equals(was, is)) {
                JsonObjectBuilder change = Json.createObjectBuilder();
                change.add("before", was == null ? JsonValue.NULL : Json.createValue(was));
                change.add("after", is == null ? JsonValue.NULL : Json.createValue(is));
                changes.add(field, change);
            }
        }
        return changes.build().toString();
    }
}
