package org.gonghui.card;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The member card's signing keys, shared by every replica. Production values come from the environment:
 * {@code GONGHUI_CARD_KEYS} and {@code GONGHUI_CARD_ACTIVE_KEY}; without them the service refuses to start.
 */
@ConfigMapping(prefix = "gonghui.card")
public interface CardConfig {

    /**
     * A JWK set ({@code {"keys":[...]}}) of EC P-256 keys, each with a {@code kid}: the active signer as a
     * private key, older keys (private or public) kept until the cards they signed have expired. Every key
     * listed is published at {@code /.well-known/gonghui-card-keys.json}.
     */
    String keys();

    /** The {@code kid} of the key new card payloads are signed with; it must be a private key of {@link #keys()}. */
    String activeKey();

    /** How long a card payload stays valid after it was issued. */
    @WithDefault("PT5M")
    Duration tokenValidity();
}
