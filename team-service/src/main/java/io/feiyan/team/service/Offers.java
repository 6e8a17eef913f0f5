package io.feiyan.team.service;

import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderDeclined;
import io.feiyan.platform.messaging.OrderTraces;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.team.domain.Assignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The orders dispatch offers a team (or several at once, the first to accept taking it: 抢单), and the team's answer:
 * it accepts (接单) or declines. An order withdrawn in intake, or passed up a tier, calls an offer not yet accepted
 * off, to every team it was offered to.
 */
@ApplicationScoped
@Transactional
public class Offers {
    private final Outbox outbox;
    private final HeardAnswers heardAnswers;
    private final EntityManager entityManager;

    Offers(Outbox outbox, HeardAnswers heardAnswers, EntityManager entityManager) {
        this.outbox = outbox;
        this.heardAnswers = heardAnswers;
        this.entityManager = entityManager;
    }

    /**
     * Records dispatch's assignment of an order. The newest assignment wins: after a decline or a missed time
     * to accept the order goes to another team, and after a reopening it comes back. An order withdrawn before
     * its assignment arrived is recorded as called off. The team's answers to the offer heard before it (after a
     * restore) are applied to it.
     */
    public void record(OrderAssigned assigned) {
        Assignment assignment = Assignment.findById(assigned.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            assignment = Assignment.offeredBy(assigned);
            assignment.traceparent = OrderTraces.current();
            assignment.persist();
        } else if (assignment.isOlderThan(assigned)) {
            assignment.offer(assigned);
        }
        if (isCancelled(assigned.orderId())) {
            assignment.cancel();
        }
        heardAnswers.offered(assignment);
    }

    /** The order was withdrawn in intake: an offer not yet accepted is called off. */
    public void cancel(UUID orderId) {
        entityManager.createNativeQuery("insert into cancelled_order (order_id) values (?1) on conflict do nothing")
                .setParameter(1, orderId).executeUpdate();
        Assignment assignment = Assignment.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment != null) {
            assignment.cancel();
        }
    }

    /** Dispatch sent the order up a tier: an offer made before that and not yet accepted is called off. */
    public void passedOn(UUID orderId, Instant escalatedAt) {
        Assignment assignment = Assignment.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (assignment != null && assignment.assignedAt.isBefore(escalatedAt)) {
            assignment.cancel();
        }
    }

    /**
     * The team takes the order, naming the volunteers it sends (its own) and, if it knows, when they come. Of several
     * teams it is offered to at once the first to accept takes it, and the others' offers are withdrawn with it.
     */
    public Assignment accept(UUID orderId, String team, List<UUID> crew, Instant scheduledFor) {
        Assignment assignment = Assignment.lockedForAnswer(orderId, team);
        assignment.requireServedAlone("accept");
        assignment.takeFor(team);
        assignment.requireTeamVolunteers(crew, "volunteerIds");
        Instant now = Instant.now();
        outbox.publish(assignment.accept(crew, scheduledFor, now));
        assignment.withdrawnFromOthers(now).forEach(outbox::publish);
        return assignment;
    }

    public Assignment decline(UUID orderId, String team, OrderDeclined.DeclineReason code, String reason) {
        Assignment assignment = Assignment.lockedForAnswer(orderId, team);
        assignment.requireServedAlone("decline");
        outbox.publish(assignment.declineBy(team, code, reason, Instant.now()));
        return assignment;
    }

    private boolean isCancelled(UUID orderId) {
        return !entityManager.createNativeQuery("select 1 from cancelled_order where order_id = ?1")
                .setParameter(1, orderId).getResultList().isEmpty();
    }
}
