package org.gonghui.notification;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** A member's notification as the API shows it (built from a row; the table's hash column never leaves). */
@Name("Notification")
@Description("通知 (something that happened to the worker's own membership — a decision, a transfer step, a benefit … — or, for a worker "
        + "without a membership, to their own rights case)")
public class Notification {

    @NonNull
    @Id
    @Description("通知编号 (id of the notification; give it to markNotificationsRead).")
    public Long id;

    @NonNull
    @Description("通知类型 (what it is about).")
    public NoticeType type;

    @NonNull
    @Description("通知内容 (a short text in Chinese).")
    public String text;

    @NonNull
    @Description("通知内容英文 (the same text in English).")
    public String textEn;

    @Id
    @Description("相关对象编号 (id of the object it is about: the application or member, transfer, program application, benefit, hardship file, rights case), as the API shows it.")
    public String objectId;

    @NonNull
    @Description("通知时间 (when it happened).")
    public OffsetDateTime createdAt;

    @NonNull
    @Description("是否已读 (whether the member marked it read).")
    public boolean read;

    @Description("已读时间 (when it was marked read; null while unread).")
    public OffsetDateTime readAt;
}
