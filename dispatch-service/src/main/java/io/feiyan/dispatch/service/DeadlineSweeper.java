package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.platform.messaging.CatchingUp;
import io.feiyan.platform.observability.OrderLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Acts on the deadlines that passed — missed times to accept ({@link OfferTimeouts}), deliveries overdue
 * ({@link OverdueDeliveries}) — and routes cases that are waiting but not yet routed ({@link RoutingRetries}). The
 * deadlines live in the database, so they survive restarts, and each case whose deadline passed is taken under a row
 * lock that other dispatch instances skip, then checked again, so it is acted on exactly once however many sweep at
 * once. A restored dispatch sweeps nothing until it has caught up with the events since its backup.
 */
@ApplicationScoped
public class DeadlineSweeper {
    private static final int BATCH = 50;

    /** A kind of deadline: which cases' has passed, and what that does to each. */
    interface Deadline {
        /** The condition on {@code dispatch_case} (now given as ?1), with the order to take them in. */
        String passed();

        /** In the sweep's transaction, the case locked. */
        void actOn(DispatchCase c, Instant now);
    }

    private final EntityManager entityManager;
    private final List<Deadline> deadlines;
    private final RoutingRetries retries;

    DeadlineSweeper(EntityManager entityManager, OfferTimeouts offers, OverdueDeliveries deliveries,
            RoutingRetries retries) {
        this.entityManager = entityManager;
        this.deadlines = List.of(offers, deliveries);
        this.retries = retries;
    }

    @Scheduled(every = "${feiyan.dispatch.deadline-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = CatchingUp.WhileCatchingUp.class)
    void scheduled() {
        sweep();
        QuarkusTransaction.requiringNew().run(retries::notYetRouted);
    }

    /** Acts on every case whose deadline passed; returns how many it acted on. */
    public int sweep() {
        int acted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sweepBatch);
            acted += batch;
        } while (batch >= BATCH); // a full batch of either kind: there may be more
        return acted;
    }

    private int sweepBatch() {
        int acted = 0;
        for (Deadline deadline : deadlines) {
            acted += actOn(deadline);
        }
        return acted;
    }

    /** Takes a batch of the cases whose deadline of that kind passed, each locked, and acts on each. */
    private int actOn(Deadline deadline) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("select order_id from dispatch_case where "
                        + deadline.passed() + " limit ?2 for update skip locked", UUID.class)
                .setParameter(1, now)
                .setParameter(2, BATCH)
                .getResultList();
        for (UUID orderId : due) {
            OrderLog.put(orderId);
            try {
                deadline.actOn(DispatchCase.findById(orderId), now);
            } finally {
                OrderLog.clear();
            }
        }
        return due.size();
    }
}
