package io.feiyan.dispatch.service;

import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * A case changed. Said with PostgreSQL's NOTIFY in the change's transaction, so every dispatch instance's
 * dashboards hear it once that commits, whichever instance made it. Its village tells whose dashboards hear
 * of it.
 */
public record CaseChanged(UUID orderId, String villageCode) {
    /** The channel the changes are notified on. */
    public static final String CHANNEL = "case_changed";

    /** Tells every instance, when the transaction commits (and not if it rolls back). */
    public void notify(EntityManager entityManager) {
        entityManager.createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CHANNEL).setParameter(2, orderId + " " + villageCode)
                .getSingleResult();
    }

    /** The change a notification's payload tells of. */
    public static CaseChanged parse(String payload) {
        String[] parts = payload.split(" ", 2);
        return new CaseChanged(UUID.fromString(parts[0]), parts[1]);
    }
}
