package io.feiyan.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

    @Test
    void aVillageKnowsItsTownAndCounty() {
        RegionCode village = RegionCode.of("371322104201");

        assertEquals(Tier.VILLAGE, village.tier());
        assertEquals(RegionCode.of("371322104"), village.at(Tier.TOWN));
        assertEquals(RegionCode.of("371322"), village.at(Tier.COUNTY));
        assertEquals(village, village.at(Tier.VILLAGE));
    }

    @Test
    void aTownHasNoVillage() {
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of("371322104").at(Tier.VILLAGE));
    }

    @Test
    void codesOfOtherLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of("37132"));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of("3713221042x1"));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.of(null));
    }
}
