package org.gonghui.support.paging;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * What every Relay connection shares: its page information and what its totalCount counts. A
 * connection type adds only its {@code edges} field (typed, for the schema) built by {@link Page#edges}.
 */
public abstract class Connection {

    @NonNull
    @Description("Where this page lies.")
    public PageInfo pageInfo;

    @Ignore
    private final CountKey<?> count;

    protected Connection(Page<?> page) {
        this.pageInfo = page.pageInfo();
        this.count = page.count();
    }

    /** What totalCount counts; null when the list offers none. */
    @Ignore
    public CountKey<?> countKey() {
        return count;
    }
}
