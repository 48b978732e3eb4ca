package org.gonghui.notification;

/**
 * Something happened that a member should hear of. The feature that made it happen fires it
 * synchronously ({@code Event<MemberNotice>.fire}) inside its own transaction; the notification outbox
 * observes it and writes the member's notification in that same transaction, so that a rolled-back
 * change notifies nobody.
 *
 * @param membershipId the membership the notice is for (its linked login reads it)
 * @param type         what it is about
 * @param textZh       a short text in Chinese, without personal data beyond what the member already sees
 * @param textEn       the same in English
 * @param objectId     the id of the object it is about (application, transfer, hardship file ...), as the API shows it
 */
public record MemberNotice(long membershipId, NoticeType type, String textZh, String textEn, String objectId) {
}
