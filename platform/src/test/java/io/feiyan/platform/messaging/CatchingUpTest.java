package io.feiyan.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.platform.domain.TryAgain;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchingUpTest {
    private static final TopicPartition ASSIGNED = new TopicPartition("orders.assigned", 0);
    private static final TopicPartition ACCEPTED = new TopicPartition("orders.accepted", 2);

    @Test
    void givenTheServiceStarting_thenItChangesNothingUntilItKnowsWhetherItWasRestored() {
        CatchingUp catchingUp = new CatchingUp();
        assertTrue(catchingUp.isCatchingUp());
        assertThrows(TryAgain.class, () -> catchingUp.refuseChanges("POST"));
        catchingUp.refuseChanges("GET");
        catchingUp.checked();
        assertFalse(catchingUp.isCatchingUp());
    }

    @Test
    void givenPartitionsNotedBehindAtStart_whenOthersAreGiven_thenOnlyThoseGivenAreWaitedFor() {
        CatchingUp catchingUp = new CatchingUp();
        catchingUp.behind(ASSIGNED, 120);
        catchingUp.behind(ACCEPTED, 40);
        catchingUp.checked();
        catchingUp.given(List.of(ACCEPTED)); // orders.assigned went to another instance
        catchingUp.moved(Map.of(ACCEPTED, 40L));
        assertFalse(catchingUp.isCatchingUp());
    }

    @Test
    void givenPartitionsBehind_thenChangesAreRefusedAndReadsAnswered_untilEveryPositionReachesItsOffset() {
        CatchingUp catchingUp = new CatchingUp();
        catchingUp.checked();
        catchingUp.refuseChanges("POST"); // nothing behind: nothing refused

        catchingUp.behind(ASSIGNED, 120);
        catchingUp.behind(ACCEPTED, 40);
        catchingUp.refuseChanges("GET");
        assertThrows(TryAgain.class, () -> catchingUp.refuseChanges("POST"));
        assertThrows(TryAgain.class, () -> catchingUp.refuseChanges("DELETE"));

        catchingUp.moved(Map.of(ASSIGNED, 119L, ACCEPTED, 40L));
        assertTrue(catchingUp.isCatchingUp(), "one record of orders.assigned to go");
        catchingUp.moved(Map.of(ASSIGNED, 120L));
        assertFalse(catchingUp.isCatchingUp());
        catchingUp.refuseChanges("POST");
    }

    @Test
    void givenPartitionsBehind_thenTimersSkipTheirRuns_untilCaughtUp() {
        CatchingUp catchingUp = new CatchingUp();
        catchingUp.checked();
        CatchingUp.WhileCatchingUp skipped = new CatchingUp.WhileCatchingUp(catchingUp);
        assertFalse(skipped.test(null));
        catchingUp.behind(ASSIGNED, 120);
        assertTrue(skipped.test(null));
        catchingUp.moved(Map.of(ASSIGNED, 120L));
        assertFalse(skipped.test(null));
    }

    @Test
    void givenAPartitionBehindGoesToAnotherConsumer_thenItIsThatConsumersToCatchUpWith() {
        CatchingUp catchingUp = new CatchingUp();
        catchingUp.checked();
        catchingUp.behind(ASSIGNED, 120);
        catchingUp.gone(List.of(ASSIGNED));
        assertFalse(catchingUp.isCatchingUp());
    }
}
