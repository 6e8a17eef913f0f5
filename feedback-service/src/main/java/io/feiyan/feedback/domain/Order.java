package io.feiyan.feedback.domain;

import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderPlaced;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What feedback knows of an order: whose it is and from which village (OrderPlaced), and who delivered it
 * (OrderCompleted). The two events may arrive in either order; each fills its own part.
 */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {
    @Id
    public UUID orderId;
    public UUID residentId;
    public String villageCode;
    public Instant placedAt;
    public String teamCode;
    public BigDecimal volunteerHours;
    public Instant completedAt;

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

    public boolean isDelivered() {
        return completedAt != null;
    }

    /**
     * The order's row, created if new and locked: the two events that fill it are consumed concurrently, so
     * the row is made with an insert that does nothing when the other got there first.
     */
    private static Order findOrNew(UUID orderId) {
        getEntityManager().createNativeQuery("insert into orders (order_id) values (?1) on conflict do nothing")
                .setParameter(1, orderId)
                .executeUpdate();
        return findById(orderId, LockModeType.PESSIMISTIC_WRITE);
    }
}
