package io.feiyan.intake.service;

import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Follows each order through the loop from the other services' events: its history and its status. */
@ApplicationScoped
@Transactional
public class OrderProgress {
    private final OrderHistory history;

    OrderProgress(OrderHistory history) {
        this.history = history;
    }

    /**
     * Adds an event of another service to the order's history, as it came, and moves its status on; an event that
     * arrived after a later one has the status worked out again from every step's type.
     */
    public void record(IncomingEvent<? extends OrderEvent> event) {
        OrderEvent payload = event.payload();
        Order order = Order.findById(payload.orderId(), LockModeType.PESSIMISTIC_WRITE);
        history.add(event.id(), payload, event.json());
        if (order != null && !order.takeStep(EventType.of(payload), payload.occurredAt())) {
            order.status = OrderStatus.of(history.typesOf(order.id));
        }
        if (order != null) {
            order.follow(payload);
        }
    }
}
