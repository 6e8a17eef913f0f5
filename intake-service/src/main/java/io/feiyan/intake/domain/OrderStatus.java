package io.feiyan.intake.domain;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderDeclined;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import io.feiyan.events.OrderRejected;
import io.feiyan.events.OrderReopened;
import java.util.List;

/**
 * Where an order stands. It is worked out from the order's events taken in the order they happened,
 * not the order they arrived in, so a late or repeated event cannot leave it wrong.
 */
public enum OrderStatus {
    /** Placed, and not (or no longer) with a team: in review, being routed, declined, or reopened. */
    PLACED,
    ASSIGNED,
    ACCEPTED,
    COMPLETED,
    RATED,
    CANCELLED,
    /** Review said no. */
    REJECTED;

    public static final List<OrderStatus> OPEN = List.of(PLACED, ASSIGNED, ACCEPTED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Until a team accepts it, the resident may withdraw the order. */
    public boolean isCancellable() {
        return this == PLACED || this == ASSIGNED;
    }

    /** The status of an order whose events, in the order they happened, are these. */
    public static OrderStatus of(List<? extends OrderEvent> inTimeOrder) {
        OrderStatus status = PLACED;
        for (OrderEvent event : inTimeOrder) {
            status = status.after(event);
        }
        return status;
    }

    private OrderStatus after(OrderEvent event) {
        if (this == CANCELLED || this == REJECTED) {
            return this;
        }
        if (event instanceof OrderPlaced) {
            return this;
        }
        if (event instanceof OrderAssigned) {
            return this == PLACED ? ASSIGNED : this;
        }
        if (event instanceof OrderDeclined) {
            return this == ASSIGNED ? PLACED : this;
        }
        if (event instanceof OrderAccepted) {
            return isCancellable() ? ACCEPTED : this;
        }
        if (event instanceof OrderCompleted) {
            return this == RATED ? this : COMPLETED;
        }
        if (event instanceof OrderRated) {
            return RATED;
        }
        if (event instanceof OrderCancelled) {
            return isCancellable() ? CANCELLED : this;
        }
        if (event instanceof OrderReopened) {
            return this == COMPLETED || this == RATED ? PLACED : this;
        }
        if (event instanceof OrderRejected) {
            return this == PLACED ? REJECTED : this;
        }
        return this; // escalation moves an order between tiers, not between statuses
    }
}
