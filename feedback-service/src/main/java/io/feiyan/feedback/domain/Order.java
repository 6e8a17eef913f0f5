package io.feiyan.feedback.domain;

import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderReopened;
import io.feiyan.platform.messaging.KeepsOrderTrace;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.feiyan.platform.messaging.OrderTraces;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What feedback knows of an order: whose it is and from which village (OrderPlaced), who delivered it
 * (OrderCompleted), and whether a follow-up sent it back (OrderReopened). The events may arrive in any
 * order; each fills its own part.
 */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase implements KeepsOrderTrace {
    @Id
    public UUID orderId;
    public UUID residentId;
    public String villageCode;
    public Instant placedAt;
    public String teamCode;
    public BigDecimal volunteerHours;
    public Instant completedAt;
    public Instant reopenedAt;
    /** The trace the order was placed in (W3C traceparent): its rating and a redo are published in it. */
    public String traceparent;

    @Override
    public String orderTrace() {
        return traceparent;
    }

    public static void placed(OrderPlaced placed) {
        Order order = findOrNew(placed.orderId());
        order.residentId = placed.residentId();
        order.villageCode = placed.villageCode();
        order.placedAt = placed.placedAt();
    }

    /** A reopened order delivered again keeps its latest delivery. */
    public static void completed(OrderCompleted completed) {
        Order order = findOrNew(completed.orderId());
        if (order.completedAt == null || completed.completedAt().isAfter(order.completedAt)) {
            order.teamCode = completed.teamCode();
            order.volunteerHours = completed.volunteerHours();
            order.completedAt = completed.completedAt();
        }
    }

    public static void reopened(OrderReopened reopened) {
        findOrNew(reopened.orderId()).reopen(reopened.reopenedAt());
    }

    /** Sent back to be done again: not delivered until the team delivers it anew. */
    public void reopen(Instant at) {
        if (reopenedAt == null || at.isAfter(reopenedAt)) {
            reopenedAt = at;
        }
    }

    /** Delivered, and not sent back since. */
    public boolean isDelivered() {
        return completedAt != null && (reopenedAt == null || completedAt.isAfter(reopenedAt));
    }

    /**
     * The order's row, created if new and locked: the events that fill it come in any order and are consumed
     * concurrently, so the row is made with an insert that does nothing when another got there first.
     */
    public static Order findOrNew(UUID orderId) {
        getEntityManager().createNativeQuery("insert into orders (order_id) values (?1) on conflict do nothing")
                .setParameter(1, orderId)
                .executeUpdate();
        Order order = findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order.traceparent == null) {
            order.traceparent = OrderTraces.current(); // heard first in the order's trace
        }
        return order;
    }
}
