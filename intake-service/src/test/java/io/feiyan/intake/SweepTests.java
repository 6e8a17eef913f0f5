package io.feiyan.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.platform.messaging.Sweeps;
import io.feiyan.testkit.FeiyanTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The inbox keeps an event's id as long as it can be delivered again (feiyan.inbox.keep), and a dead letter as long as
 * an operator may replay it (feiyan.dead-letters.keep); then the sweep drops them.
 */
@FeiyanTest
class SweepTests {
    @Inject
    Sweeps sweeps;

    @Inject
    EntityManager entityManager;

    @Test
    void givenEventsProcessedLongAgoAndLately_whenSwept_thenOnlyTheLongAgoAreDropped() {
        UUID longAgo = UUID.randomUUID();
        UUID lately = UUID.randomUUID();
        processed(longAgo, Instant.now().minus(Duration.ofDays(31)));
        processed(lately, Instant.now().minus(Duration.ofDays(29)));

        sweeps.sweepNow();

        assertEquals(0, count("select count(*) from processed_event where event_id = ?1", longAgo));
        assertEquals(1, count("select count(*) from processed_event where event_id = ?1", lately));
    }

    @Test
    void givenDeadLettersSetAsideLongAgoAndLately_whenSwept_thenOnlyTheLongAgoAreDropped_replayedOrNot() {
        UUID longAgo = deadLetter(Instant.now().minus(Duration.ofDays(91)), null);
        UUID longAgoReplayed = deadLetter(Instant.now().minus(Duration.ofDays(91)), Instant.now().minus(Duration.ofDays(90)));
        UUID lately = deadLetter(Instant.now().minus(Duration.ofDays(89)), null);

        sweeps.sweepNow();

        assertEquals(0, count("select count(*) from dead_letter where id = ?1", longAgo));
        assertEquals(0, count("select count(*) from dead_letter where id = ?1", longAgoReplayed));
        assertEquals(1, count("select count(*) from dead_letter where id = ?1", lately));
    }

    private void processed(UUID eventId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values ('sweep-test', ?1, ?2)")
                .setParameter(1, eventId).setParameter(2, at).executeUpdate());
    }

    private UUID deadLetter(Instant at, Instant replayedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            insert into dead_letter (id, channel, topic, record_partition, record_offset, headers, reason,
                                dead_lettered_at, times)
                            values (?1, 'sweep-test', 'sweep-test', 0, ?2, '{}', 'a test', ?3, 1)""")
                    .setParameter(1, id).setParameter(2, System.nanoTime()).setParameter(3, at).executeUpdate();
            if (replayedAt != null) {
                entityManager.createNativeQuery("update dead_letter set replayed_at = ?1 where id = ?2")
                        .setParameter(1, replayedAt).setParameter(2, id).executeUpdate();
            }
        });
        return id;
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
