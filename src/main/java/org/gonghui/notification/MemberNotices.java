package org.gonghui.notification;

import java.sql.PreparedStatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Writes a member's notification for every {@link MemberNotice}, and one per addressee of
 * {@link WorkerNotices} (a membership's, or a login's when the worker has no membership), in the
 * transaction of the change it reports (a rolled-back change notifies nobody). The row is the in-app
 * delivery itself: there is no push in this issue, so nothing is left to send; a push channel would
 * read new rows by id from here.
 * Notices are written whether or not a login is linked yet: a worker who links their login later sees
 * what happened to their membership before.
 */
@ApplicationScoped
public class MemberNotices {

    static final int MAX_TEXT = 500;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void onMemberNotice(@Observes MemberNotice notice) {
        requireTexts(notice.type(), notice.textZh(), notice.textEn());
        // flushed first: the membership may have been created or changed in this transaction
        em.flush();
        int written = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into member_notification (person_hash, membership_id, type, text_zh, text_en, object_id)
                    select m.person_hash, m.id, ?, ?, ?, ? from membership m where m.id = ?""")) {
                insert.setString(1, notice.type().name());
                insert.setString(2, notice.textZh());
                insert.setString(3, notice.textEn());
                insert.setString(4, notice.objectId());
                insert.setLong(5, notice.membershipId());
                return insert.executeUpdate();
            }
        });
        if (written != 1) {
            throw new IllegalArgumentException("a member notice for membership " + notice.membershipId() + ", which does not exist");
        }
    }

    /**
     * Writes one notification per addressee: memberships' into member_notification (beside the person's
     * other rows), logins' into login_notification; at most two statements whatever their number (the
     * addressees travel as one JSON array each).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onWorkerNotices(@Observes WorkerNotices notices) {
        requireTexts(notices.type(), notices.textZh(), notices.textEn());
        JsonArrayBuilder members = Json.createArrayBuilder();
        JsonArrayBuilder logins = Json.createArrayBuilder();
        int memberCount = 0;
        for (WorkerNotices.To to : notices.to()) {
            JsonObjectBuilder one = Json.createObjectBuilder()
                    .add("objectId", to.objectId() == null ? JsonValue.NULL : Json.createValue(to.objectId()));
            if (to.membershipId() != null) {
                members.add(one.add("membershipId", to.membershipId()));
                memberCount++;
            } else {
                logins.add(one.add("subject", to.subject()));
            }
        }
        int written = 0;
        if (memberCount > 0) {
            // flushed first: the membership may have been created or changed in this transaction
            em.flush();
            written += insert("""
                    insert into member_notification (person_hash, membership_id, type, text_zh, text_en, object_id)
                    select m.person_hash, m.id, :type, :zh, :en, x.e ->> 'objectId'
                      from jsonb_array_elements(cast(:to as jsonb)) with ordinality as x(e, n)
                      join membership m on m.id = cast(x.e ->> 'membershipId' as bigint)
                     order by x.n""", notices, members.build());
        }
        if (memberCount < notices.to().size()) {
            written += insert("""
                    insert into login_notification (subject, type, text_zh, text_en, object_id)
                    select x.e ->> 'subject', :type, :zh, :en, x.e ->> 'objectId'
                      from jsonb_array_elements(cast(:to as jsonb)) with ordinality as x(e, n)
                     order by x.n""", notices, logins.build());
        }
        if (written != notices.to().size()) {
            throw new IllegalArgumentException("worker notices for " + notices.to().size() + " addressees wrote " + written
                    + ": a membership does not exist");
        }
    }

    private int insert(String sql, WorkerNotices notices, JsonArray to) {
        return em.createNativeQuery(sql).setParameter("type", notices.type().name()).setParameter("zh", notices.textZh())
                .setParameter("en", notices.textEn()).setParameter("to", to.toString()).executeUpdate();
    }

    private static void requireTexts(NoticeType type, String textZh, String textEn) {
        if (type == null || blank(textZh) || blank(textEn) || textZh.length() > MAX_TEXT || textEn.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a member notice needs a type and a Chinese and an English text of at most " + MAX_TEXT + " characters");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
