package org.gonghui.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.gonghui.notification.MemberNotice;
import org.gonghui.notification.TextMessageRequested;

/**
 * Stands in for the outbox in tests: observes the events a feature fires inside its transaction and
 * keeps them, so a test can read the one-time code that would have been texted.
 */
@ApplicationScoped
public class CapturedNotifications {

    private final List<TextMessageRequested> texts = new CopyOnWriteArrayList<>();
    private final List<MemberNotice> notices = new CopyOnWriteArrayList<>();

    void onText(@Observes TextMessageRequested text) {
        texts.add(text);
    }

    void onNotice(@Observes MemberNotice notice) {
        notices.add(notice);
    }

    public List<TextMessageRequested> texts() {
        return List.copyOf(texts);
    }

    public List<MemberNotice> notices() {
        return List.copyOf(notices);
    }

    /** The texts requested by one login (token subject). */
    public List<TextMessageRequested> textsBy(String subject) {
        return texts.stream().filter(t -> subject.equals(t.requestedBy())).toList();
    }
}
