package io.feiyan.intake.domain;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import java.util.Map;

/** Where an order stands, in the order of the loop; an order only moves forward. */
public enum OrderStatus {
    PLACED, ASSIGNED, ACCEPTED, COMPLETED, RATED;

    private static final Map<Class<? extends OrderEvent>, OrderStatus> REACHED_BY = Map.of(
            OrderPlaced.class, PLACED,
            OrderAssigned.class, ASSIGNED,
            OrderAccepted.class, ACCEPTED,
            OrderCompleted.class, COMPLETED,
            OrderRated.class, RATED);

    /** The status an order has reached once this event has happened. */
    public static OrderStatus reachedBy(OrderEvent event) {
        return REACHED_BY.get(event.getClass());
    }

    public boolean isBefore(OrderStatus other) {
        return compareTo(other) < 0;
    }
}
