package io.feiyan.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the messaging tables from growing for ever: every {@code feiyan.sweep-every}, the rows older than their table
 * keeps them are deleted, a few thousand a transaction, in the background.
 *
 * <ul>
 * <li>The inbox's ids of events processed before {@code feiyan.inbox.keep}. Deduplication needs an id only as long as
 * its event can come again — a redelivery after a crash (seconds), a relay sending again what it had not yet deleted
 * (seconds), a consumer group whose committed offsets the broker dropped after it sat empty for
 * {@code offsets.retention.minutes} (7 days by default) and that reads its topics again from the start — so the
 * default, 30 days, is far beyond them.
 * <li>The dead letters set aside before {@code feiyan.dead-letters.keep}, replayed or not: kept for an operator to
 * read and replay (GET /api/dead-letters) long after one has found and mended their cause; 90 days by default. The
 * dead-letter topic keeps its own copies as long as its retention says.
 * </ul>
 */
@ApplicationScoped
public class Sweeps {
    private static final Logger LOG = Logger.getLogger(Sweeps.class);
    private static final int AT_A_TIME = 5_000;

    private final EntityManager entityManager;
    private final Duration keepInbox;
    private final Duration keepDeadLetters;

    Sweeps(EntityManager entityManager, @ConfigProperty(name = "feiyan.inbox.keep") Duration keepInbox,
            @ConfigProperty(name = "feiyan.dead-letters.keep") Duration keepDeadLetters) {
        this.entityManager = entityManager;
        this.keepInbox = keepInbox;
        this.keepDeadLetters = keepDeadLetters;
    }

    @Scheduled(every = "${feiyan.sweep-every}", delayed = "${feiyan.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = Instant.now();
        sweep("processed_event", "processed_at", now.minus(keepInbox), "inbox: %d event ids processed before %s dropped");
        sweep("dead_letter", "dead_lettered_at", now.minus(keepDeadLetters), "%d dead letters set aside before %s dropped");
    }

    private void sweep(String table, String age, Instant before, String said) {
        long swept = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                            "delete from " + table + " where ctid in (select ctid from " + table + " where " + age
                                    + " < ?1 limit ?2)")
                    .setParameter(1, before)
                    .setParameter(2, AT_A_TIME)
                    .executeUpdate());
            swept += deleted;
        } while (deleted == AT_A_TIME);
        if (swept > 0) {
            LOG.infof(said, swept, before);
        }
    }

    /** Sweeps now, as the schedule would: for tests. */
    public void sweepNow() {
        sweep();
    }
}
