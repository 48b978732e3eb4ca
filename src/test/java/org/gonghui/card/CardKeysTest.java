package org.gonghui.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gonghui.testing.CardKeyFixtures;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.Test;

/** Reading the configured key set (rotation states, refusals that name no key material) and masking names. */
class CardKeysTest {

    static String set(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    static String publicOnly(String jwk) {
        return CardKeyFixtures.key(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    @Test
    void rotationKeepsTheOldKeyForVerificationUntilItIsRemoved() {
        // step 1: the new key is listed (and published) before it signs; step 2: it signs, the old one still verifies
        CardKeys during = new CardKeys(set(CardKeyFixtures.TEST_1, publicOnly(CardKeyFixtures.TEST_OLD)), "test-1");
        assertEquals("test-1", during.activeKid());
        assertNotNull(during.verificationKey("test-old"));
        assertNotNull(during.verificationKey("test-1"));
        // step 3: once the old key's payloads have expired it is removed, and payloads signed with it have an unknown key
        CardKeys after = new CardKeys(set(CardKeyFixtures.TEST_1), "test-1");
        assertNull(after.verificationKey("test-old"));
        assertFalse(after.publishedJwkSet().contains("test-old"));
    }

    @Test
    void publishedSetHoldsNoPrivatePart() {
        CardKeys keys = new CardKeys(set(CardKeyFixtures.TEST_1, CardKeyFixtures.TEST_OLD), "test-1");
        assertFalse(keys.publishedJwkSet().contains("\"d\""), keys.publishedJwkSet());
        assertTrue(keys.publishedJwkSet().contains("\"kid\":\"test-old\""), keys.publishedJwkSet());
    }

    @Test
    void unusableKeySetsStopTheServiceWithoutShowingKeyMaterial() {
        String d = "MNeqWABLK0AyIA4FFgnd0IUPDx5FMbliQB-ymqAw1d8";
        for (var bad : new String[][] {
                { "not json", "test-1" },
                { set(CardKeyFixtures.TEST_1), "test-2" },
                { set(publicOnly(CardKeyFixtures.TEST_1)), "test-1" },
                { set(CardKeyFixtures.TEST_1, CardKeyFixtures.TEST_1), "test-1" },
                { set(CardKeyFixtures.TEST_1.replace("\"kid\":\"test-1\",", "")), "test-1" },
                { set("{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"" + d + "\"}", CardKeyFixtures.TEST_1), "test-1" } }) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new CardKeys(bad[0], bad[1]), bad[1]);
            assertTrue(e.getMessage().startsWith("gonghui.card."), e.getMessage());
            assertFalse(e.getMessage().contains(d), e.getMessage());
        }
    }

    @Test
    void namesAreMaskedBetweenFirstAndLastCharacter() {
        assertEquals("王*伟", CardVerification.maskName("王小伟"));
        assertEquals("王*", CardVerification.maskName("王伟"));
        assertEquals("欧**华", CardVerification.maskName("欧阳建华"));
        assertEquals("阿******提", CardVerification.maskName("阿卜杜拉·艾买提"));
        assertEquals("𠮷*", CardVerification.maskName("𠮷祥"));
        assertEquals("*", CardVerification.maskName("王"));
    }
}
