package org.gonghui.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One changed field of an audited record. */
@Description("字段变更 (one changed field: its value before and after, as text)")
public class FieldChange {

    @NonNull
    @Description("Field name as in the API, e.g. chairName.")
    public String field;

    @Description("Value before; null when the field was empty or the record new.")
    public String before;

    @Description("Value after; null when the field was cleared.")
    public String after;

    public FieldChange() {
    }

    FieldChange(String field, String before, String after) {
        this.field = field;
        this.before = before;
        this.after = after;
    }
}
