package io.feiyan.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.platform.messaging.InboxSweep;
import io.feiyan.testkit.FeiyanTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbox keeps an event's id as long as it can be delivered again (feiyan.inbox.keep), then drops it. */
@FeiyanTest
class InboxSweepTests {
    @Inject
    InboxSweep sweep;

    @Inject
    EntityManager entityManager;

    @Test
    void givenEventsProcessedLongAgoAndLately_whenTheInboxIsSwept_thenOnlyTheLongAgoAreDropped() {
        UUID longAgo = UUID.randomUUID();
        UUID lately = UUID.randomUUID();
        processed(longAgo, Instant.now().minus(Duration.ofDays(31)));
        processed(lately, Instant.now().minus(Duration.ofDays(29)));

        sweep.sweepNow();

        assertEquals(0, rows(longAgo));
        assertEquals(1, rows(lately));
    }

    private void processed(UUID eventId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values ('sweep-test', ?1, ?2)")
                .setParameter(1, eventId).setParameter(2, at).executeUpdate());
    }

    private long rows(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
