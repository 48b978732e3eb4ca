package org.gonghui.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev and test builds only (a production build has no such class, like the dev token endpoint): a
 * "sent" text is written to the log with its code, so a developer can type the code in, and the last
 * texts are kept in memory for tests ({@link #recent()}). Nothing leaves the machine.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class LogSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(LogSmsGateway.class);
    private static final int KEPT = 200;

    private final Deque<TextMessage> recent = new ArrayDeque<>();

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Outcome send(TextMessage message) {
        LOG.infof("SMS (dev log gateway, not sent) #%d %s to %s: %s", message.outId(), message.purpose(), message.phone(),
                message.code() == null ? "(notice)" : "code " + message.code());
        synchronized (recent) {
            recent.addFirst(message);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        return Outcome.sent("log-" + message.outId());
    }

    /** The texts "sent" lately, newest first. */
    public List<TextMessage> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
