package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderReopened;
import io.feiyan.platform.messaging.OrderTraces;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What each event of an order does to its case: a placed order opens one and has it routed unless it needs review
 * ("诉求不出村": its village's team first), a decline tries the next team, the team's progress moves it on, a
 * withdrawal or completion frees the team's place, and an order reported unresolved comes back. Each takes the case's
 * row lock; an event that no longer fits the case (a stale report, one seen before) changes nothing.
 */
@ApplicationScoped
@Transactional
public class CaseReactions {
    private final Outbox outbox;
    private final CaseRouting routing;
    private final RoutingRetries retries;
    private final DispatchConfig config;
    private final Activities activities;

    CaseReactions(Outbox outbox, CaseRouting routing, RoutingRetries retries, DispatchConfig config,
            Activities activities) {
        this.activities = activities;
        this.outbox = outbox;
        this.routing = routing;
        this.retries = retries;
        this.config = config;
    }

    /**
     * Opens the order's case and routes it unless it needs review; an order seen before changes nothing. A need its
     * 飞燕 volunteer solved on the spot opens none: no team is sought (the village's 飞燕 team completes it).
     */
    public void open(OrderPlaced placed) {
        if (placed.solvedOnTheSpot() != null || DispatchCase.findById(placed.orderId()) != null) {
            return;
        }
        DispatchCase c = DispatchCase.open(placed, reviewReason(placed), config.review().tier(), Instant.now());
        c.traceparent = OrderTraces.current();
        c.persist();
        if (c.reviewReason == null) {
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
        DecisionLog.reopened(reopened, Instant.now());
        routing.route(c, Routing.Move.ROUTE, null);
        routing.changed(c);
    }

    /** The resident withdrew the order; a team it was offered to has room again for an unserved case. */
    public void cancelled(UUID orderId) {
        DispatchCase c = locked(orderId);
        if (c != null) {
            c.cancel(Instant.now());
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
            retries.unservedFor(routing.changed(c));
        }
    }

    /** Whether the order needs an operator's review first, and why: null when it needs none. */
    private String reviewReason(OrderPlaced placed) {
        if (placed.needsReview()) {
            return "a need in the resident's words";
        }
        long open = DispatchCase.count("residentId = ?1 and status in ?2", placed.residentId(), CaseStatus.OPEN);
        int limit = config.review().openOrdersPerResident();
        return open >= limit ? "the resident already has " + open + " open orders" : null;
    }

    private static DispatchCase locked(UUID orderId) {
        return DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }
}
