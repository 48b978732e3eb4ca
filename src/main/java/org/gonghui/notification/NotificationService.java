package org.gonghui.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.gonghui.security.Caller;
import org.gonghui.support.NotFoundException;
import org.gonghui.support.ValidationException;
import org.gonghui.support.paging.CountKey;
import org.gonghui.support.paging.CountKey.Counter;
import org.gonghui.support.paging.Ordering;
import org.gonghui.support.paging.PageRequest;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * A worker's own notifications and nobody else's: the caller is the only filter there is, no argument
 * names a member or a login.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NotificationService {

    public static final Ordering<Void> NOTIFICATIONS = Ordering.of("Caller.notifications", "id desc");

    /** Most ids one markNotificationsRead takes. */
    static final int MAX_IDS = 100;

    /**
     * The caller's notifications: of every membership of the person their login is linked to, of the
     * applications made with their login (the rule of {@code me { applications }}, so that an applicant
     * hears of a decision before any login is linked), and those addressed to their login itself (a
     * worker without a membership: login_notification). Ids come from one sequence, so they do not collide.
     */
    private static final String OWN = """
             from (select id, type, text_zh, text_en, object_id, created_at, read_at from member_notification
                    where membership_id in (select m.id from person p join membership m on m.person_id = p.id where p.subject = :subject
                                            union all
                                            select m.id from membership m where m.applicant_subject = :subject)
                   union all
                   select id, type, text_zh, text_en, object_id, created_at, read_at from login_notification where subject = :subject) n
            where true""";

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** Count key of the caller's notifications (all or unread). */
    record Own(String subject, boolean unreadOnly) {
    }

    private static final Counter<Own> COUNT = Counter.eachBy(own -> ((Number) Panache.getEntityManager()
            .createNativeQuery("select count(*)" + OWN + (own.unreadOnly() ? " and n.read_at is null" : ""))
            .setParameter("subject", own.subject())
            .getSingleResult()).longValue());

    /** A page of the caller's notifications, newest first. */
    public NotificationConnection own(boolean unreadOnly, PageRequest<Void> page) {
        String subject = caller.subject();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("select n.id, n.type, n.text_zh, n.text_en, n.object_id, n.created_at, n.read_at" + OWN
                + (unreadOnly ? " and n.read_at is null" : "") + " and n.id < :before order by n.id desc limit :limit", Tuple.class)
                .setParameter("subject", subject)
                .setParameter("before", page.afterId() == null ? Long.MAX_VALUE : page.afterId())
                .setParameter("limit", page.rowsToFetch())
                .getResultList();
        return new NotificationConnection(page.page(rows.stream().map(NotificationService::notification).toList(), n -> n.id,
                new CountKey<>(COUNT, new Own(subject, unreadOnly))));
    }

    public List<Integer> totalCounts(List<NotificationConnection> connections) {
        return CountKey.totalCounts(connections);
    }

    /**
     * Marks the caller's notifications read (those already read keep their time) and returns how many
     * of theirs remain unread. An id that is not one of the caller's notifications, whether it exists
     * or not, is NOT_FOUND and nothing is marked.
     */
    @Transactional
    public int markRead(List<Long> ids) {
        if (ids.size() > MAX_IDS) {
            throw new ValidationException("ids: 一次最多 " + MAX_IDS + " 条 (at most " + MAX_IDS + " ids at once), got " + ids.size());
        }
        String subject = caller.subject();
        Set<Long> distinct = new LinkedHashSet<>(ids);
        if (!distinct.isEmpty()) {
            // a PostgreSQL array literal of validated longs (the API's ID rule), cast to bigint[] in the statement
            String array = distinct.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
            long own = ((Number) em.createNativeQuery("select count(*)" + OWN + " and n.id = any(cast(:ids as bigint[]))")
                    .setParameter("subject", subject).setParameter("ids", array).getSingleResult()).longValue();
            if (own != distinct.size()) {
                throw new NotFoundException("ids: 通知不存在 (no such notification of yours)");
            }
            em.createNativeQuery("update member_notification set read_at = now() where id in (select n.id" + OWN
                    + " and n.id = any(cast(:ids as bigint[])) and n.read_at is null)")
                    .setParameter("subject", subject).setParameter("ids", array).executeUpdate();
            em.createNativeQuery("update login_notification set read_at = now() where subject = :subject and id = any(cast(:ids as bigint[]))"
                    + " and read_at is null")
                    .setParameter("subject", subject).setParameter("ids", array).executeUpdate();
        }
        return ((Number) em.createNativeQuery("select count(*)" + OWN + " and n.read_at is null")
                .setParameter("subject", subject).getSingleResult()).intValue();
    }

    private static Notification notification(Tuple row) {
        Notification n = new Notification();
        n.id = ((Number) row.get(0)).longValue();
        n.type = NoticeType.valueOf((String) row.get(1));
        n.text = (String) row.get(2);
        n.textEn = (String) row.get(3);
        n.objectId = (String) row.get(4);
        n.createdAt = time(row.get(5));
        n.readAt = time(row.get(6));
        n.read = n.readAt != null;
        return n;
    }

    private static OffsetDateTime time(Object value) {
        return value == null ? null
                : value instanceof Instant instant ? instant.atZone(ZoneId.systemDefault()).toOffsetDateTime() : (OffsetDateTime) value;
    }
}
