package io.feiyan.dispatch.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The cases a transaction changed, said once it is about to commit: one NOTIFY for all of them (a few for a large
 * batch: a notification holds at most 8,000 bytes), not one per change, since every NOTIFY takes a lock that
 * serialises commits server-wide. Said inside the transaction, so dashboards hear of what commits and nothing else.
 */
@ApplicationScoped
public class CaseChanges {
    /** Well under PostgreSQL's 8,000-byte limit on a notification's payload. */
    private static final int MOST_BYTES = 7_000;
    private static final Object KEY = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager entityManager;

    CaseChanges(TransactionSynchronizationRegistry transactions, EntityManager entityManager) {
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /** Notes the change in the current transaction; it is said before it commits. */
    void add(CaseChanged change) {
        @SuppressWarnings("unchecked")
        Set<CaseChanged> changes = (Set<CaseChanged>) transactions.getResource(KEY);
        if (changes == null) {
            Set<CaseChanged> fresh = new LinkedHashSet<>();
            transactions.putResource(KEY, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    say(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            changes = fresh;
        }
        changes.add(change);
    }

    private void say(Set<CaseChanged> changes) {
        StringBuilder payload = new StringBuilder();
        for (CaseChanged change : changes) {
            String line = change.asLine();
            if (payload.length() + line.length() + 1 > MOST_BYTES) {
                send(payload);
                payload.setLength(0);
            }
            payload.append(payload.isEmpty() ? "" : "\n").append(line);
        }
        if (!payload.isEmpty()) {
            send(payload);
        }
    }

    private void send(CharSequence payload) {
        entityManager.createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CaseChanged.CHANNEL).setParameter(2, payload.toString())
                .getSingleResult();
    }
}
