package io.feiyan.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void anIdIsAVersion7UuidThatCarriesItsMillisecond() {
        UUID id = TimeOrderedIds.at(1_764_000_000_123L, -1L, -1L);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(1_764_000_000_123L, id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsMadeLaterSortAfterEarlierOnes() {
        UUID earlier = TimeOrderedIds.at(1_000, -1L, -1L);
        UUID later = TimeOrderedIds.at(1_001, 0L, 0L);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0, earlier + " before " + later);
    }

    @Test
    void anEventsCausedIdsAreTheSameEachTime_distinctByPublisherAndNumber_andCarryTheCausesMillisecond() {
        UUID cause = TimeOrderedIds.at(1_764_000_000_123L, 42L, 43L);
        UUID first = TimeOrderedIds.causedBy(cause, "dispatch", 0);

        assertEquals(first, TimeOrderedIds.causedBy(cause, "dispatch", 0));
        assertNotEquals(first, TimeOrderedIds.causedBy(cause, "dispatch", 1));
        assertNotEquals(first, TimeOrderedIds.causedBy(cause, "team", 0));
        assertNotEquals(first, TimeOrderedIds.causedBy(TimeOrderedIds.at(1_764_000_000_123L, 42L, 44L), "dispatch", 0));
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertEquals(1_764_000_000_123L, first.getMostSignificantBits() >>> 16);
    }
}
