package org.gonghui.notification;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.gonghui.security.CallerInfo;
import org.gonghui.security.Roles;
import org.gonghui.support.Paging;
import org.gonghui.support.RateLimited;
import org.gonghui.support.StrictInputs;
import org.gonghui.support.TranslateErrors;
import org.gonghui.support.paging.PageRequest;

/** A worker's notifications under {@code me} (their memberships' and their login's), and marking them read; member logins only, their own only. */
@GraphQLApi
@TranslateErrors
public class NotificationGraphQLApi {

    @Inject
    NotificationService notifications;

    @Inject
    Paging paging;

    @Name("notifications")
    @Description("本人通知 (workers' logins: what happened to their own membership — application decisions, transfer steps, program "
            + "decisions, benefits, hardship steps, rights-case steps … — and, without a membership, to the rights cases they submitted), "
            + "newest first. Officials: null with FORBIDDEN.")
    @RolesAllowed(Roles.MEMBER)
    public NotificationConnection notifications(@Source CallerInfo me,
            @Name("unreadOnly") @Description("仅未读 (only unread notifications); default false.") Boolean unreadOnly,
            @Name("first") @Description("每页条数 (page size); default 20.") Integer first,
            @Name("after") @Description("上一页最后一条的游标 (cursor of the last notification of the previous page).") String after) {
        return notifications.own(Boolean.TRUE.equals(unreadOnly), PageRequest.of(first, after, paging, NotificationService.NOTIFICATIONS));
    }

    @Name("totalCount")
    @Description("通知总数 (number of notifications in the whole list: all, or unread when unreadOnly; all pages together).")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public List<@NonNull Integer> totalCount(@Source List<NotificationConnection> sources) {
        return notifications.totalCounts(sources);
    }

    @Mutation("markNotificationsRead")
    @RateLimited
    @Description("标记通知已读 (mark some of your notifications read; returns how many of yours remain unread). At most 100 ids; "
            + "an id that is not one of your notifications is NOT_FOUND and nothing is marked.")
    @RolesAllowed(Roles.MEMBER)
    @NonNull
    public Integer markNotificationsRead(
            @NonNull @Id @Name("ids") @Description("通知编号 (ids of your notifications, as the id field gives them).") List<@NonNull String> ids) {
        return notifications.markRead(ids.stream().map(id -> StrictInputs.id("ids", id)).toList());
    }
}
