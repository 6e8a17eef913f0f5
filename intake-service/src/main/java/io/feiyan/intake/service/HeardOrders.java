package io.feiyan.intake.service;

import io.feiyan.events.OrderCancelled;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.OrderStep;
import io.feiyan.intake.domain.Resident;
import io.feiyan.platform.messaging.IncomingEvent;
import io.feiyan.platform.messaging.OrderTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The orders intake placed and cancelled, heard back from the topics it publishes them on. Usually each is here
 * already, and hearing it changes nothing. After a restore from a backup, the orders placed and cancelled since are in
 * no table any more: they come back this way — with no description, which no event carries (it may name people), and
 * with their timeline and status from every step heard of them (the other services' steps are taken in, kept, even
 * while the order itself is not yet back). An order for a resident the database does not hold (registered after the
 * backup: registrations are in no event) cannot come back: it is refused, and dead-lettered saying so.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HeardOrders {
    private final OrderHistory history;
    private final OrderProgress progress;

    HeardOrders(OrderHistory history, OrderProgress progress) {
        this.history = history;
        this.progress = progress;
    }

    public void placed(IncomingEvent<OrderPlaced> event) {
        OrderPlaced placed = event.payload();
        if (Order.findById(placed.orderId()) != null) {
            return;
        }
        if (Resident.findById(placed.residentId()) == null) {
            throw new IllegalStateException("order " + placed.orderId() + " is for resident " + placed.residentId()
                    + ", whom this database does not hold (registered after the backup it was restored from?):"
                    + " the order cannot come back without its resident; recovering the database to a later moment"
                    + " (its WAL archive) brings both");
        }
        history.add(event.id(), placed, event.json());
        Order order = Order.heard(placed);
        order.traceparent = OrderTraces.current();
        List<OrderEvent> steps = history.of(order.id);
        steps.forEach(order::follow);
        order.status = OrderStatus.of(history.typesOf(order.id));
        order.lastStepAt = steps.get(steps.size() - 1).occurredAt();
        order.persist();
    }

    public void cancelled(IncomingEvent<OrderCancelled> event) {
        if (OrderStep.findById(event.id()) == null) {
            progress.record(event);
        }
    }
}
