package org.gonghui.union;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gonghui.support.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure rules, without Quarkus. */
class UnionRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "91410306MA44X1B2CC", "91410306MA45Y7D3EL", "91220822MA17T2U3WL", "91350100M000100Y43" })
    void validCreditCodesPass(String code) {
        assertNull(CreditCode.problem(code));
    }

    @ParameterizedTest
    @CsvSource({ "91410306MA44X1B2CD, check character", "91410306MA44X1B2C, 18 characters", "9141030IMA44X1B2CC, not allowed" })
    void invalidCreditCodesSayWhy(String code, String reason) {
        assertTrue(CreditCode.problem(code).contains(reason), CreditCode.problem(code));
    }

    @ParameterizedTest
    @CsvSource({ "PROVINCIAL, 410000, ''", "CITY, 410300, 41", "COUNTY, 410306, 4103", "COUNTY, 419001, 41", "TOWNSHIP, 410306, 410306",
            "GRASSROOTS, 410306, 4103" })
    void regionCodesOfTheRightShapeInsideTheAreaPass(UnionLevel level, String code, String area) {
        assertDoesNotThrow(() -> UnionRules.checkRegion(level, code, area));
    }

    @ParameterizedTest
    @CsvSource({ "PROVINCIAL, 410300, ''", "CITY, 410000, 41", "CITY, 410306, 41", "COUNTY, 410300, 4103", "COUNTY, 420306, 4103",
            "GRASSROOTS, 410326, 410306", "COUNTY, 41030a, 4103" })
    void regionCodesOfTheWrongShapeOrAreaFail(UnionLevel level, String code, String area) {
        ValidationException e = assertThrows(ValidationException.class, () -> UnionRules.checkRegion(level, code, area));
        assertTrue(e.getMessage().startsWith("regionCode:"), e.getMessage());
    }

    @Test
    void provincesAndCitiesNeedARegionCodeOthersMayNot() {
        assertThrows(ValidationException.class, () -> UnionRules.checkRegion(UnionLevel.CITY, null, "41"));
        assertDoesNotThrow(() -> UnionRules.checkRegion(UnionLevel.COUNTY, null, "2208"));
        assertDoesNotThrow(() -> UnionRules.checkRegion(UnionLevel.GRASSROOTS, null, ""));
    }

    @Test
    void areaPrefixFollowsTheLevel() {
        assertEquals("41", UnionRules.areaOf(UnionLevel.PROVINCIAL, "410000"));
        assertEquals("4103", UnionRules.areaOf(UnionLevel.CITY, "410300"));
        assertEquals("410306", UnionRules.areaOf(UnionLevel.COUNTY, "410306"));
        assertEquals("", UnionRules.areaOf(UnionLevel.TOWNSHIP, null));
    }

    @Test
    void kindsFitTheirLevels() {
        assertTrue(UnionKind.GENERAL_FEDERATION.fits(UnionLevel.COUNTY));
        assertTrue(UnionKind.PLATFORM.fits(UnionLevel.GRASSROOTS));
        assertThrows(ValidationException.class, () -> UnionRules.checkKind(UnionLevel.TOWNSHIP, UnionKind.ENTERPRISE));
        assertThrows(ValidationException.class, () -> UnionRules.checkKind(UnionLevel.GRASSROOTS, UnionKind.GENERAL_FEDERATION));
    }

    @Test
    void exceptionalPlacementsAreAllowed() {
        assertTrue(UnionLevel.GRASSROOTS.allowedParents().contains(UnionLevel.CITY));
        assertTrue(UnionLevel.GRASSROOTS.allowedParents().contains(UnionLevel.COUNTY));
        assertTrue(UnionLevel.COUNTY.allowedParents().contains(UnionLevel.PROVINCIAL));
        assertTrue(UnionLevel.NATIONAL.allowedParents().isEmpty());
    }
}
