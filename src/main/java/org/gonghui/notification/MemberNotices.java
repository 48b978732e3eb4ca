package org.gonghui.notification;

import java.sql.PreparedStatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Writes a member's notification for every {@link MemberNotice}, in the transaction of the change it
 * reports (a rolled-back change notifies nobody). The row is the in-app delivery itself: there is no
 * push in this issue, so nothing is left to send; a push channel would read new rows by id from here.
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
        if (notice.type() == null || blank(notice.textZh()) || blank(notice.textEn())
                || notice.textZh().length() > MAX_TEXT || notice.textEn().length() > MAX_TEXT) {
            throw new IllegalArgumentException("a member notice needs a type and a Chinese and an English text of at most " + MAX_TEXT + " characters");
        }
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

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
