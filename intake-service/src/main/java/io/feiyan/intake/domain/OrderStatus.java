package io.feiyan.intake.domain;

import io.feiyan.events.EventType;
import java.util.List;

/**
 * Where an order stands. It is worked out from the types of the order's events taken in the order they happened,
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

    /** The status of an order whose events, in the order they happened, are of these types. */
    public static OrderStatus of(List<EventType> inTimeOrder) {
        OrderStatus status = PLACED;
        for (EventType type : inTimeOrder) {
            status = status.after(type);
        }
        return status;
    }

    /** Where an order stands after an event of this type: a status is a function of its events' types alone. */
    public OrderStatus after(EventType event) {
        if (this == CANCELLED || this == REJECTED) {
            return this;
        }
        return switch (event) {
            case ORDER_ASSIGNED -> this == PLACED ? ASSIGNED : this;
            case ORDER_DECLINED, ORDER_UNSERVED -> this == ASSIGNED ? PLACED : this;
            case ORDER_ACCEPTED -> isCancellable() ? ACCEPTED : this;
            case ORDER_COMPLETED -> this == RATED ? this : COMPLETED;
            case ORDER_RATED -> RATED;
            case ORDER_CANCELLED -> isCancellable() ? CANCELLED : this;
            case ORDER_REOPENED -> this == COMPLETED || this == RATED ? PLACED : this;
            case ORDER_REJECTED -> this == PLACED ? REJECTED : this;
            // placing starts at PLACED; approval and escalation move an order through review and between tiers
            default -> this;
        };
    }
}
