package io.feiyan.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.platform.domain.TryAgain;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchingUpTest {
    private static final TopicPartition ASSIGNED = new TopicPartition("orders.assigned", 0);
    private static final TopicPartition ACCEPTED = new TopicPartition("orders.accepted", 2);

    /** The times the service said it had caught up. */
    private final Said said = new Said();

    @Test
    void givenPartitionsBehind_thenChangesAreRefusedAndReadsAnswered_untilEveryPositionReachesItsOffset() {
        CatchingUp catchingUp = new CatchingUp(said);
        catchingUp.refuseChanges("POST"); // nothing behind: nothing refused

        catchingUp.behind(ASSIGNED, 120);
        catchingUp.behind(ACCEPTED, 40);
        catchingUp.refuseChanges("GET");
        assertThrows(TryAgain.class, () -> catchingUp.refuseChanges("POST"));
        assertThrows(TryAgain.class, () -> catchingUp.refuseChanges("DELETE"));

        catchingUp.moved(Map.of(ASSIGNED, 119L, ACCEPTED, 40L));
        assertTrue(catchingUp.isCatchingUp(), "one record of orders.assigned to go");
        assertEquals(0, said.times);
        catchingUp.moved(Map.of(ASSIGNED, 120L));
        assertFalse(catchingUp.isCatchingUp());
        catchingUp.refuseChanges("POST");
        catchingUp.moved(Map.of(ASSIGNED, 121L));
        assertEquals(1, said.times, "caught up, said once");
    }

    @Test
    void givenPartitionsBehind_thenTimersSkipTheirRuns_untilCaughtUp() {
        CatchingUp catchingUp = new CatchingUp(said);
        CatchingUp.WhileCatchingUp skipped = new CatchingUp.WhileCatchingUp(catchingUp);
        assertFalse(skipped.test(null));
        catchingUp.behind(ASSIGNED, 120);
        assertTrue(skipped.test(null));
        catchingUp.moved(Map.of(ASSIGNED, 120L));
        assertFalse(skipped.test(null));
    }

    @Test
    void givenAPartitionBehindGoesToAnotherConsumer_thenItIsThatConsumersToCatchUpWith() {
        CatchingUp catchingUp = new CatchingUp(said);
        catchingUp.behind(ASSIGNED, 120);
        catchingUp.gone(List.of(ASSIGNED));
        assertFalse(catchingUp.isCatchingUp());
        assertEquals(1, said.times);
    }

    /** Counts the {@link CatchingUp.CaughtUp} events fired. */
    private static class Said implements Event<CatchingUp.CaughtUp> {
        int times;

        @Override
        public <U extends CatchingUp.CaughtUp> CompletionStage<U> fireAsync(U event) {
            times++;
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends CatchingUp.CaughtUp> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return fireAsync(event);
        }

        @Override
        public void fire(CatchingUp.CaughtUp event) {
            throw new UnsupportedOperationException("told asynchronously");
        }

        @Override
        public Event<CatchingUp.CaughtUp> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CatchingUp.CaughtUp> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CatchingUp.CaughtUp> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
