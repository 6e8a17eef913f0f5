package io.feiyan.events;

import java.util.UUID;

/** An event in one order's life. Keyed by the order id so one order's events keep their order in a topic. */
public sealed interface OrderEvent extends Event
        permits OrderPlaced, OrderAssigned, OrderAccepted, OrderCompleted, OrderRated {
    UUID orderId();

    @Override
    default String key() {
        return orderId().toString();
    }
}
