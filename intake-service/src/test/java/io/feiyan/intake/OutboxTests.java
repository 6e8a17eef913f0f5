package io.feiyan.intake;

import static io.feiyan.testkit.EventProbe.keyed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.feiyan.events.OrderRated;
import io.feiyan.events.Topics;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.feiyan.testkit.Published;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@FeiyanTest
class OutboxTests {
    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenATransactionThatPublishesThenFails_thenNoOutboxRowRemainsAndNothingIsSent() {
        UUID orderId = UUID.randomUUID();

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(new OrderRated(orderId, 4, Instant.now()));
            throw new IllegalStateException("the business change failed after the event was recorded");
        }));

        assertEquals(0L, outboxRows(orderId));
        assertEquals(0, Published.about(probe, Topics.ORDERS_RATED, orderId).size());
    }

    @Test
    void givenATransactionThatCommits_thenItsEventIsSent_andItsRowDeleted() {
        UUID orderId = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new OrderRated(orderId, 5, Instant.now())));

        probe.await(Topics.ORDERS_RATED, keyed(orderId), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(orderId) == 0);
    }

    private long outboxRows(UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox where aggregateid = ?1")
                .setParameter(1, orderId.toString()).getSingleResult()).longValue());
    }
}
