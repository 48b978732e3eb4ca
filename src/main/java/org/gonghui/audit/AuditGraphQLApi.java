package org.gonghui.audit;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;

/** The audit trail of the caller's subtree, for officials. */
@GraphQLApi
@TranslateErrors
public class AuditGraphQLApi {

    public static final Ordering<Void> AUDIT_EVENTS = Ordering.of("Query.auditEvents", "id desc");

    @Inject
    AuditLog auditLog;

    @Inject
    Paging paging;

    @Query("auditEvents")
    @Description("审计记录 (audit records about unions of your subtree, newest first).")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public AuditEventConnection auditEvents(
            @Name("filter") @Description("Conditions; omitted: every record of your subtree.") AuditFilter filter,
            @Name("first") @Description("Page size, 0 to the maximum page size; default 20.") Integer first,
            @Name("after") @Description("Cursor of the last record of the previous page.") String after) {
        return auditLog.page(filter, PageRequest.of(first, after, paging, AUDIT_EVENTS));
    }

    @Name("changes")
    @Description("The fields the act changed, with their values before and after.")
    @RolesAllowed(Roles.OFFICIAL)
    @NonNull
    public List<@NonNull FieldChange> changes(@Source AuditEvent event) {
        List<FieldChange> changes = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(event.changes))) {
            JsonObject fields = reader.readObject();
            fields.forEach((field, value) -> changes.add(new FieldChange(field, text(value.asJsonObject().get("before")),
                    text(value.asJsonObject().get("after")))));
        }
        return changes;
    }

    private static String text(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null
                : value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString();
    }
}
