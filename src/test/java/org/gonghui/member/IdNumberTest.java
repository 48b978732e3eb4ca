package org.gonghui.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** GB 11643 ID numbers and mobile numbers, without the container. */
class IdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theDomainBriefsExamplesAreValidAndInvalid() {
        IdNumber valid = IdNumber.parse("11010519491231002x", TODAY).id().orElseThrow();
        assertEquals("11010519491231002X", valid.value());
        assertEquals(LocalDate.of(1949, 12, 31), valid.birthDate());
        assertEquals(Sex.FEMALE, valid.sex());
        assertEquals("110***********002X", valid.masked());
        assertEquals("INVALID_ID_NUMBER", IdNumber.parse("440308199003141234", TODAY).problem().code());
    }

    @Test
    void malformedImpossibleAndFutureBirthDatesAreRefused() {
        assertEquals("REQUIRED", IdNumber.parse(" ", TODAY).problem().code());
        assertEquals("INVALID_ID_NUMBER", IdNumber.parse("1101051949123100", TODAY).problem().code());
        assertEquals("INVALID_ID_NUMBER", IdNumber.parse("11010519491231002A", TODAY).problem().code());
        String feb30 = "11010519490230001";
        assertTrue(IdNumber.parse(feb30 + IdNumber.checkCharacter(feb30), TODAY).problem().message().contains("not a date"));
        String future = "11010520261124001";
        assertTrue(IdNumber.parse(future + IdNumber.checkCharacter(future), TODAY).problem().message().contains("future"));
        String today = "11010520261123001";
        assertEquals(Sex.MALE, IdNumber.parse(today + IdNumber.checkCharacter(today), TODAY).id().orElseThrow().sex());
    }

    @Test
    void mobileNumbersAreNormalizedAndMasked() {
        assertEquals("138****1234", PhoneNumber.parse("+86 138-0000-1234").masked());
        assertNull(PhoneNumber.parse("12800001234"));
        assertNull(PhoneNumber.parse("1380000123"));
    }
}
