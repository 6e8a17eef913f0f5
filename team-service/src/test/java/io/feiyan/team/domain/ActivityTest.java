package io.feiyan.team.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.feiyan.platform.domain.Unprocessable;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityTest {

    @Test
    void anActivitysHoursAreSharedToTheCent_theRemainderOnTheFirstOrder_addingUpExactly() {
        assertEquals(List.of(new BigDecimal("3.34"), new BigDecimal("3.33"), new BigDecimal("3.33")),
                Activity.shares(new BigDecimal("10"), 3));
        assertEquals(List.of(new BigDecimal("0.51"), new BigDecimal("0.50")), Activity.shares(new BigDecimal("1.01"), 2));
        assertEquals(List.of(new BigDecimal("2.50")), Activity.shares(new BigDecimal("2.5"), 1));
        List<BigDecimal> opera = Activity.shares(new BigDecimal("30.5"), 11);
        assertEquals(0, new BigDecimal("30.5").compareTo(opera.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void hoursThatCannotGiveEachOrderACentAreRefused() {
        assertThrows(Unprocessable.class, () -> Activity.shares(new BigDecimal("0.02"), 3));
    }
}
