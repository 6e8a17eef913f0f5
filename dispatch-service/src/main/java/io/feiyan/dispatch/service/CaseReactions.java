package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderReopened;
import io.feiyan.platform.messaging.CatchingUp;
import io.feiyan.platform.messaging.OrderTraces;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What each event of an order does to its case: a placed order opens one and has it routed unless it needs review
 * ("诉求不出村": its village's team first), a decline tries the next team, the team's progress moves it on, a
 * withdrawal or completion frees the team's place, and an order reported unresolved comes back. Each takes the case's
 * row lock; an event that no longer fits the case (a stale report, one seen before) changes nothing.
 */
@ApplicationScoped
@Transactional
public class CaseReactions {
    /** A resident's open cases, counted without loading them. */
    private static final String COUNT_OPEN = "select count(*) from dispatch_case where resident_id = ?1 and status in ("
            + CaseStatus.OPEN.stream().map(status -> "'" + status + "'").collect(Collectors.joining(", ")) + ")";

    private final EntityManager entityManager;
    /** The residents whose cases a consumer's batch opened or closed: changes perhaps not written yet. */
    private final BatchGathering<UUID> residentsChanged;
    private final Outbox outbox;
    private final CaseRouting routing;
    private final RoutingRetries retries;
    private final DispatchConfig config;
    private final Activities activities;
    private final HeardDecisions heardDecisions;
    private final CatchingUp catchingUp;

    CaseReactions(Outbox outbox, CaseRouting routing, RoutingRetries retries, DispatchConfig config,
            Activities activities, HeardDecisions heardDecisions, CatchingUp catchingUp, EntityManager entityManager,
            TransactionSynchronizationRegistry transactions) {
        this.heardDecisions = heardDecisions;
        this.catchingUp = catchingUp;
        this.entityManager = entityManager;
        this.residentsChanged = new BatchGathering<>(transactions);
        this.activities = activities;
        this.outbox = outbox;
        this.routing = routing;
        this.retries = retries;
        this.config = config;
    }

    /** A consumer's batch begins, in its transaction. */
    public void batchBegins() {
        residentsChanged.begin();
    }

    /** A consumer's batch has been applied. */
    public void batchEnds() {
        residentsChanged.end();
    }

    /**
     * Opens the order's case and routes it unless it needs review; an order seen before changes nothing. A need its
     * 飞燕 volunteer solved on the spot opens none: no team is sought (the village's 飞燕 team completes it). While the
     * service catches up after a restore, what dispatch decided on the order comes back from its topics instead
     * ({@link HeardDecisions}); one that needs no review is approved once it has caught up, if no approval came back.
     */
    public void open(OrderPlaced placed) {
        if (placed.solvedOnTheSpot() != null || DispatchCase.findById(placed.orderId()) != null) {
            return;
        }
        DispatchCase c = DispatchCase.open(placed, reviewReason(placed), config.review().tier(), Instant.now());
        c.traceparent = OrderTraces.current();
        c.persist();
        residentsChanged.add(List.of(c.residentId));
        heardDecisions.opened(c);
        if (c.reviewReason == null && c.status == CaseStatus.IN_REVIEW && !catchingUp.isCatchingUp()) {
            outbox.publish(c.approve(null, Instant.now()));
        }
        routing.route(c, Routing.Move.ROUTE, null);
        routing.changed(c);
    }

    /**
     * The team said no: the next team of the tier, or the tier above when none is left. One of several teams the case
     * is offered to at once: its offer is over and the case waits for the others, going on only when none is left.
     */
    public void declined(OrderDeclined declined) {
        DispatchCase c = locked(declined.orderId());
        if (c == null || c.status != CaseStatus.ASSIGNED || !c.holders().contains(declined.teamCode())) {
            if (c != null && catchingUp.isCatchingUp()) {
                c.declinedEarlierBy(declined.teamCode()); // heard again after the offer that followed it
            }
            return; // not (or no longer) that team's
        }
        DecisionLog.declined(declined, Instant.now());
        if (c.declinedByOneOfSeveral(declined.teamCode(), Instant.now())) {
            retries.unservedFor(routing.changed(c));
            return;
        }
        c.declinedBy(declined.teamCode(), Instant.now());
        routing.route(c, Routing.Move.DECLINED, declined.teamCode());
        retries.unservedFor(routing.changed(c));
    }

    /** A delivered order reported unresolved comes back, to be routed again from the village. */
    public void reopened(OrderReopened reopened) {
        DispatchCase c = locked(reopened.orderId());
        if (c == null || c.status != CaseStatus.COMPLETED) {
            return;
        }
        c.reopen(Instant.now());
        residentsChanged.add(List.of(c.residentId));
        DecisionLog.reopened(reopened, Instant.now());
        routing.route(c, Routing.Move.ROUTE, null);
        routing.changed(c);
    }

    /** The resident withdrew the order; a team it was offered to has room again for an unserved case. */
    public void cancelled(UUID orderId) {
        DispatchCase c = locked(orderId);
        if (c != null) {
            c.cancel(Instant.now());
            residentsChanged.add(List.of(c.residentId));
            retries.unservedFor(routing.changed(c)); // each team it was offered to has room again
        }
    }

    /**
     * The team the case is with reports it accepted it; reports of other teams are stale. Of several teams it was
     * offered to at once, the first to accept takes it, and the others have room again for an unserved case. An
     * activity its team accepted takes place when the team said.
     */
    public void accepted(OrderAccepted accepted) {
        DispatchCase c = locked(accepted.orderId());
        if (c != null && c.advance(accepted.teamCode(), CaseStatus.ACCEPTED, Instant.now())) {
            if (c.activityId != null && c.activityId.equals(accepted.activityId())) {
                activities.accepted(c.activityId, accepted.scheduledFor());
            }
            retries.unservedFor(routing.changed(c));
        }
    }

    /**
     * The team the case is with reports it completed it; reports of other teams are stale. A completion leaves the
     * team room for an unserved case (in an activity, once its last order is completed).
     */
    public void completed(UUID orderId, String team) {
        DispatchCase c = locked(orderId);
        if (c != null && c.advance(team, CaseStatus.COMPLETED, Instant.now())) {
            residentsChanged.add(List.of(c.residentId));
            retries.unservedFor(routing.changed(c));
        }
    }

    /**
     * Whether the order needs an operator's review first, and why: null when it needs none. The resident's open cases
     * are counted in the database, written first only when this batch opened or closed one of theirs: flushing for
     * every order would check each case the batch holds for changes.
     */
    private String reviewReason(OrderPlaced placed) {
        if (placed.needsReview()) {
            return "a need in the resident's words";
        }
        if (residentsChanged.mayHold(placed.residentId())) {
            entityManager.flush();
        }
        long open = ((Number) entityManager.createNativeQuery(COUNT_OPEN)
                .setParameter(1, placed.residentId())
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult()).longValue();
        int limit = config.review().openOrdersPerResident();
        return open >= limit ? "the resident already has " + open + " open orders" : null;
    }

    private static DispatchCase locked(UUID orderId) {
        return DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }
}
