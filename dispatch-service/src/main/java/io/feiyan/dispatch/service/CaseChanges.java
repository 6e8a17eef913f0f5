package io.feiyan.dispatch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Set;

/**
 * Says that cases changed, with PostgreSQL's NOTIFY inside the changing transaction, so dashboards hear of what
 * commits and nothing else. A request or a sweep says its change at once; a consumer's batch says all of its changes
 * together at its end (a few notifications for a large batch: one holds at most 8,000 bytes), not one per change,
 * since every NOTIFY takes a lock that serialises commits server-wide.
 */
@ApplicationScoped
public class CaseChanges {
    /** Well under PostgreSQL's 8,000-byte limit on a notification's payload. */
    private static final int MOST_BYTES = 7_000;

    private final EntityManager entityManager;
    /** A consumer's batch's changes, kept until its end. */
    private final BatchGathering<CaseChanged> batch;

    CaseChanges(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.batch = new BatchGathering<>(transactions);
    }

    /** A consumer's batch begins, in its transaction: its changes are said together, by {@link #batchEnds}. */
    public void batchBegins() {
        batch.begin();
    }

    /** A consumer's batch has been applied: says its changes, in its transaction. */
    public void batchEnds() {
        Set<CaseChanged> changes = batch.end();
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder payload = new StringBuilder();
        for (CaseChanged change : changes) {
            String line = change.asLine();
            if (payload.length() + line.length() + 1 > MOST_BYTES) {
                send(payload);
                payload.setLength(0);
            }
            payload.append(payload.isEmpty() ? "" : "\n").append(line);
        }
        send(payload);
    }

    void add(CaseChanged change) {
        if (!batch.add(List.of(change))) {
            send(change.asLine());
        }
    }

    private void send(CharSequence payload) {
        entityManager.createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CaseChanged.CHANNEL).setParameter(2, payload.toString())
                .getSingleResult();
    }
}
