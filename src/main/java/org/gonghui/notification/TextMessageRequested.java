package org.gonghui.notification;

import java.time.Instant;

/**
 * A text message to send. The feature fires it synchronously inside its own transaction; the outbox
 * observes it, applies the text-message limits (per login, per number, globally: over the limit the
 * message is dropped and counted, never an error, so that callers answer alike) and stores it
 * (the number encrypted) in the same transaction; the dispatcher sends it after commit.
 *
 * @param phone       the mainland mobile number, 11 digits
 * @param purpose     which template
 * @param code        the one-time code for code purposes, else null
 * @param notAfter    do not send after this instant (a code past its validity is dropped, not sent late)
 * @param requestedBy the login (token subject) that caused it, or null; for the per-login limit
 */
public record TextMessageRequested(String phone, TextPurpose purpose, String code, Instant notAfter, String requestedBy) {
}
