package org.gonghui.notification;

import java.util.List;

/**
 * One notice to one or many workers, each addressed to their membership or, for a worker without one
 * (a rights case submitted from the app by a login that holds no membership), to their login. Fired
 * synchronously inside the change's transaction, like {@link MemberNotice}; {@link MemberNotices} writes
 * all of them in at most two statements, so a change that concerns thousands of workers (a union
 * dissolved with its open cases) notifies them in a bounded number of statements.
 *
 * @param type   what it is about
 * @param textZh a short text in Chinese, the same for every addressee, without personal data
 * @param textEn the same in English
 * @param to     the addressees, each with the id of the object it is about
 */
public record WorkerNotices(NoticeType type, String textZh, String textEn, List<To> to) {

    /** An addressee: a membership, or a login subject when there is no membership (exactly one of the two). */
    public record To(Long membershipId, String subject, String objectId) {

        public To {
            if ((membershipId == null) == (subject == null)) {
                throw new IllegalArgumentException("a notice goes to a membership or to a login, exactly one of them");
            }
        }

        public static To membership(long membershipId, String objectId) {
            return new To(membershipId, null, objectId);
        }

        public static To login(String subject, String objectId) {
            return new To(null, subject, objectId);
        }
    }
}
