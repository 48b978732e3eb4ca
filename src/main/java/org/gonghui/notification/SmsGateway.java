package org.gonghui.notification;

/**
 * Sends one text message through a provider. Implementations answer with an {@link Outcome} and never
 * throw for what the provider says; the dispatcher decides on retries from the outcome.
 */
public interface SmsGateway {

    /** The name {@code gonghui.sms.gateway} selects this gateway by. */
    String name();

    /** Fails (at startup) when the gateway lacks configuration it needs to send. */
    default void checkConfiguration() {
    }

    /** Sends one text; {@code outId} (the outbox row id) travels with it as the provider's reference. */
    Outcome send(TextMessage message);

    /** One text to send: the number in full, the template's purpose and its code (null for notices). */
    record TextMessage(long outId, String phone, TextPurpose purpose, String code) {

        @Override
        public String toString() {
            // never the number or the code: this may end up in a log
            return "text " + outId + " (" + purpose + ")";
        }
    }

    /** What became of a send: sent, worth another try later, or never going to work. */
    record Outcome(Result result, String providerId, String detail) {

        public enum Result {
            SENT, RETRY, PERMANENT_FAILURE
        }

        public static Outcome sent(String providerId) {
            return new Outcome(Result.SENT, providerId, null);
        }

        public static Outcome retry(String detail) {
            return new Outcome(Result.RETRY, null, detail);
        }

        public static Outcome permanentFailure(String detail) {
            return new Outcome(Result.PERMANENT_FAILURE, null, detail);
        }
    }
}
