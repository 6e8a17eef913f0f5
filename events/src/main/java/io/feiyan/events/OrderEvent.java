package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/** An event in one order's life. Keyed by the order id so one order's events keep their order in a topic. */
public sealed interface OrderEvent extends Event
        permits OrderPlaced, OrderApproved, OrderAssigned, OrderAccepted, OrderDeclined, OrderEscalated, OrderRejected,
        OrderCompleted, OrderRated, OrderCancelled, OrderReopened, OrderUnserved, OrderCallRequested, OfferWithdrawn,
        FollowUpDue {
    UUID orderId();

    /** When it happened, in the service where it happened. */
    Instant occurredAt();

    @Override
    default String key() {
        return orderId().toString();
    }
}
