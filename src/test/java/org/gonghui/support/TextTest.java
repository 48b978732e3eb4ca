package org.gonghui.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one text rule: what it keeps, what it normalises, what it refuses and how it says so. */
class TextTest {

    @Test
    void textIsTrimmedAndLimitedInCharactersNotBytes() {
        assertEquals("洛阳", Text.name("name", "  洛阳 ", 2, true));
        assertNull(Text.line("shortName", "   ", 5, false));
        ValidationException e = assertThrows(ValidationException.class, () -> Text.name("name", "洛阳市", 2, true));
        assertTrue(e.getMessage().startsWith("name:"));
    }

    @Test
    void rareCharactersOutsideTheBasicPlaneAreAcceptedAndCountAsOne() {
        assertEquals("𠮷野家", Text.name("name", "𠮷野家", 3, true));
        assertEquals("王𪚥", Text.name("name", "王𪚥", 2, true));
    }

    @Test
    void middleDotLookAlikesOfTransliteratedNamesBecomeU00B7() {
        assertEquals("阿卜杜拉·艾买提", Text.name("name", "阿卜杜拉·艾买提", 50, true));
        assertEquals("阿卜杜拉·艾买提", Text.name("name", "阿卜杜拉\u30FB艾买提", 50, true));
        assertEquals("阿卜杜拉·艾买提", Text.name("name", "阿卜杜拉\uFF65艾买提", 50, true));
        assertEquals("阿卜杜拉·艾买提", Text.name("name", "阿卜杜拉\u2022艾买提", 50, true));
    }

    @Test
    void textIsStoredInNormalisationFormC() {
        assertEquals("Jos\u00E9", Text.name("name", "Jose\u0301", 50, true));
    }

    @ParameterizedTest
    @ValueSource(strings = { "王\u0000伟", "王\u001B[31m伟", "王\n伟", "王\t伟", "王\u007F伟", "王\u0085伟" })
    void controlCharactersAreRefusedInOneLineFieldsNamingTheField(String value) {
        ValidationException e = assertThrows(ValidationException.class, () -> Text.name("name", value, 50, true));
        assertTrue(e.getMessage().startsWith("name: "), e.getMessage());
        assertFalse(e.getMessage().contains("王"), e.getMessage());
    }

    @Test
    void lineBreaksAreKeptOnlyInMultiLineFields() {
        assertEquals("第一行\n第二行", Text.multiline("note", "第一行\r\n第二行", 500, true));
        assertThrows(ValidationException.class, () -> Text.line("address", "第一行\n第二行", 300, true));
        ValidationException nul = assertThrows(ValidationException.class, () -> Text.multiline("note", "a\u0000b", 500, true));
        assertTrue(nul.getMessage().startsWith("note: "), nul.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u202E", "\u202A", "\u2066", "\u2069", "\u200E", "\u200F", "\u061C" })
    void bidirectionalControlsAreRefused(String control) {
        ValidationException e = assertThrows(ValidationException.class, () -> Text.name("name", "王" + control + "伟", 50, true));
        assertTrue(e.getMessage().startsWith("name: ") && e.getMessage().contains("bidirectional"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\uD800", "王\uDC00", "\uDBFF伟" })
    void loneSurrogatesAreRefused(String value) {
        ValidationException e = assertThrows(ValidationException.class, () -> Text.name("name", value, 50, true));
        assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u200B", "\u200B\u200C\u200D", "\u2060\uFEFF", "\u3164", "\u00AD\u034F" })
    void namesMadeOnlyOfInvisibleCharactersAreRefused(String value) {
        ValidationException e = assertThrows(ValidationException.class, () -> Text.name("name", value, 50, true));
        assertTrue(e.getMessage().startsWith("name: ") && e.getMessage().contains("visible"), e.getMessage());
    }

    @Test
    void theGenericCheckAllowsTabsAndLineBreaksButNotNul() {
        Text.requireNoControls("filter.nameContains", "a\tb\nc");
        ValidationException e = assertThrows(ValidationException.class, () -> Text.requireNoControls("filter.nameContains", "a\u0000"));
        assertTrue(e.getMessage().startsWith("filter.nameContains: "), e.getMessage());
    }
}
