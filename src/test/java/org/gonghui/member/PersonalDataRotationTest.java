package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gonghui.support.PersonalData;
import org.junit.jupiter.api.Test;

/** The rotation job only touches the database while a retired key is configured; without the container. */
class PersonalDataRotationTest {

    static final String KEY = "fjiBhPWDxUthFdgV0hmXcNK4mcQQgb22P/91dm3dgNs=";
    static final String HASH_KEY = "gWZfmFsXFvINsBapN1+kgLMFydl2ZWKupzNqh2jp0XI=";

    @Test
    void withTheActiveKeyAloneTheJobDoesNotQueryTheDatabase() {
        PersonalDataRotation rotation = new PersonalDataRotation();
        rotation.personalData = new PersonalData("k1:" + KEY, "k1", HASH_KEY);
        assertFalse(rotation.personalData.hasRetiredKeys());
        // No entity manager exists here: any query would throw.
        assertDoesNotThrow(rotation::rotate);
    }

    @Test
    void anOlderKeyBesideTheActiveOneIsRetired() {
        assertTrue(new PersonalData("k0:" + KEY + ",k1:" + KEY, "k1", HASH_KEY).hasRetiredKeys());
    }
}
