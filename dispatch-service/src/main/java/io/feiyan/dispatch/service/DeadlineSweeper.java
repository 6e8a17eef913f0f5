package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.platform.observability.OrderLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Acts on missed times to accept and on deliveries overdue (the tier above told), and routes cases that are waiting
 * but not yet routed. The deadlines live
 * in the database, so they survive restarts, and each overdue case is taken under a row lock that other
 * dispatch instances skip, then checked again, so it is acted on exactly once however many sweep at once.
 */
@ApplicationScoped
public class DeadlineSweeper {
    private static final int BATCH = 50;

    private final EntityManager entityManager;
    private final DispatchService dispatch;

    DeadlineSweeper(EntityManager entityManager, DispatchService dispatch) {
        this.entityManager = entityManager;
        this.dispatch = dispatch;
    }

    @Scheduled(every = "${feiyan.dispatch.deadline-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
        QuarkusTransaction.requiringNew().run(dispatch::retryNotYetRouted);
    }

    /** Acts on every overdue case; returns how many it acted on. */
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
        // offers whose time to accept passed: each goes on (up a tier)
        int timedOut = actOn("status = 'ASSIGNED' and accept_by < ?1 order by accept_by", dispatch::timedOut);
        // accepted cases whose deadline passed undelivered: the tier above is told, once
        int overdue = actOn("status = 'ACCEPTED' and deadline < ?1 and not deadline_escalated order by deadline",
                dispatch::deadlinePassed);
        return timedOut + overdue;
    }

    /** Takes a batch of the cases the condition (given now as ?1) picks, each locked, and makes the move on each. */
    private int actOn(String condition, BiConsumer<DispatchCase, Instant> move) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("select order_id from dispatch_case where " + condition
                        + " limit ?2 for update skip locked", UUID.class)
                .setParameter(1, now)
                .setParameter(2, BATCH)
                .getResultList();
        for (UUID orderId : due) {
            OrderLog.put(orderId);
            try {
                move.accept(DispatchCase.findById(orderId), now);
            } finally {
                OrderLog.clear();
            }
        }
        return due.size();
    }
}
