package io.feiyan.platform.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void withinItsMaximumAgeAReadingIsServedAgainWithoutReadingTheDatabase() {
        Snapshot<Integer> snapshot = new Snapshot<>(reads::incrementAndGet, Duration.ofHours(1));

        assertEquals(1, snapshot.get());
        assertEquals(1, snapshot.get());
        assertEquals(1, reads.get());
    }

    @Test
    void anOlderReadingIsReadAgain() {
        Snapshot<Integer> snapshot = new Snapshot<>(reads::incrementAndGet, Duration.ZERO);

        assertEquals(1, snapshot.get());
        assertEquals(2, snapshot.get());
    }

    @Test
    void whenAReadingFailsTheLastGoodOneIsShown_andWithoutOneTheFailureIsRaised() {
        Snapshot<Integer> snapshot = new Snapshot<>(() -> {
            if (reads.incrementAndGet() > 1) {
                throw new IllegalStateException("the database is away");
            }
            return 42;
        }, Duration.ZERO);
        assertEquals(42, snapshot.get());
        assertEquals(42, snapshot.get());

        Snapshot<Integer> never = new Snapshot<>(() -> {
            throw new IllegalStateException("the database is away");
        }, Duration.ZERO);
        assertThrows(IllegalStateException.class, never::get);
    }
}
