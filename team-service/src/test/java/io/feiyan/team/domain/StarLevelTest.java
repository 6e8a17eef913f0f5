package io.feiyan.team.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StarLevelTest {

    @Test
    void starsComeAt100_300_600_1000And1500Hours() {
        assertEquals(0, StarLevel.of(new BigDecimal("99.5")));
        assertEquals(1, StarLevel.of(new BigDecimal("100")));
        assertEquals(2, StarLevel.of(new BigDecimal("300")));
        assertEquals(3, StarLevel.of(new BigDecimal("999.99")));
        assertEquals(4, StarLevel.of(new BigDecimal("1000")));
        assertEquals(5, StarLevel.of(new BigDecimal("2400")));
    }

    @Test
    void theHoursToTheNextStarAreCounted() {
        assertEquals(new BigDecimal("0.5"), StarLevel.toNext(new BigDecimal("99.5")));
        assertEquals(new BigDecimal("200"), StarLevel.toNext(new BigDecimal("100")));
        assertNull(StarLevel.toNext(new BigDecimal("1500")));
    }
}
