package org.gonghui.notification;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Edge;

/** One notification of a page with its cursor. */
@Description("通知及其游标 (a notification and its cursor)")
public class NotificationEdge extends Edge {

    @NonNull
    @Description("通知 (the notification)")
    public Notification node;

    NotificationEdge(Notification node, String cursor) {
        super(cursor);
        this.node = node;
    }
}
