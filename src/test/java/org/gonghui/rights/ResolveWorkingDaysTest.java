package org.gonghui.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The resolution days per category come from configuration: a default, per-category overrides, and nothing misspelt or out of range. */
class ResolveWorkingDaysTest {

    static ResolveWorkingDays mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withValidateUnknown(true).withMapping(ResolveWorkingDays.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(ResolveWorkingDays.class);
    }

    @Test
    void withoutPropertiesTheDefaultIsFifteenAndLegalAidThirty() {
        ResolveWorkingDays days = mapping(Map.of());
        assertEquals(15, days.of(RightsCaseCategory.WAGE_ARREARS));
        assertEquals(15, days.of(RightsCaseCategory.PSYCHOLOGICAL_COUNSELLING));
        assertEquals(30, days.of(RightsCaseCategory.LEGAL_AID));
    }

    @Test
    void aCategoryPropertyOverridesTheDefaultForThatCategoryOnly() {
        ResolveWorkingDays days = mapping(Map.of("gonghui.rights.resolve-working-days.default", "10",
                "gonghui.rights.resolve-working-days.wage-arrears", "5", "gonghui.rights.resolve-working-days.legal-aid", "45"));
        assertEquals(5, days.of(RightsCaseCategory.WAGE_ARREARS));
        assertEquals(10, days.of(RightsCaseCategory.WORK_INJURY));
        assertEquals(45, days.of(RightsCaseCategory.LEGAL_AID));
        RightsDeadlines.check(days);
    }

    @Test
    void aMisspeltCategoryStopsTheStart() {
        assertThrows(RuntimeException.class, () -> mapping(Map.of("gonghui.rights.resolve-working-days.legal-aide", "20")));
    }

    @Test
    void aNumberOutsideOneToThreeHundredSixtyFiveStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> RightsDeadlines.check(mapping(Map.of("gonghui.rights.resolve-working-days.grievance", "0"))));
        assertThrows(IllegalStateException.class, () -> RightsDeadlines.check(mapping(Map.of("gonghui.rights.resolve-working-days.default", "366"))));
    }
}
