package org.gonghui.notification;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.gonghui.support.paging.Connection;
import org.gonghui.support.paging.Page;

/** A Relay connection of the caller's notifications; {@code totalCount} counts what its page's count key names. */
@Description("通知列表 (a page of the member's notifications, newest first, Relay connection)")
public class NotificationConnection extends Connection {

    @NonNull
    @Description("本页通知 (the notifications of this page)")
    public List<@NonNull NotificationEdge> edges;

    NotificationConnection(Page<Notification> page) {
        super(page);
        this.edges = page.edges(NotificationEdge::new);
    }
}
