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
 * Keeps the inbox from growing for ever: the ids of events processed longer ago than {@code feiyan.inbox.keep} are
 * deleted, a few thousand a transaction, in the background. Deduplication needs an id only as long as its event can
 * come again — a redelivery after a crash (seconds), a relay sending again what it had not yet deleted (seconds), a
 * consumer group whose committed offsets the broker dropped after it sat empty for {@code offsets.retention.minutes}
 * (7 days by default) and that reads its topics again from the start — so the default, 30 days, is far beyond them.
 */
@ApplicationScoped
public class InboxSweep {
    private static final Logger LOG = Logger.getLogger(InboxSweep.class);
    private static final int AT_A_TIME = 5_000;

    private final EntityManager entityManager;
    private final Duration keep;

    InboxSweep(EntityManager entityManager, @ConfigProperty(name = "feiyan.inbox.keep") Duration keep) {
        this.entityManager = entityManager;
        this.keep = keep;
    }

    @Scheduled(every = "${feiyan.inbox.sweep-every}", delayed = "${feiyan.inbox.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant before = Instant.now().minus(keep);
        long swept = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                    delete from processed_event where ctid in
                        (select ctid from processed_event where processed_at < ?1 limit ?2)""")
                    .setParameter(1, before)
                    .setParameter(2, AT_A_TIME)
                    .executeUpdate());
            swept += deleted;
        } while (deleted == AT_A_TIME);
        if (swept > 0) {
            LOG.infof("inbox: %d event ids processed before %s dropped", swept, before);
        }
    }

    /** Sweeps now, as the schedule would: for tests. */
    public void sweepNow() {
        sweep();
    }
}
