package io.feiyan.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
