package io.feiyan.intake.domain;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Urgency;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A resident's need, as placed (点单): by the resident, by a 飞燕 volunteer on their behalf, or by phone. */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID residentId;
    public String projectCode;
    public String villageCode;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    /** The volunteer who placed a proxy order; null otherwise. */
    public String volunteerId;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    public Instant placedAt;
    public String idempotencyKey;

    public static Order place(UUID residentId, String projectCode, String villageCode, Urgency urgency,
            Channel channel, String volunteerId, String idempotencyKey, Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.residentId = residentId;
        order.projectCode = projectCode;
        order.villageCode = villageCode;
        order.urgency = urgency;
        order.channel = channel;
        order.volunteerId = volunteerId;
        order.status = OrderStatus.PLACED;
        order.placedAt = now;
        order.idempotencyKey = idempotencyKey;
        return order;
    }

    public OrderPlaced placedEvent() {
        return new OrderPlaced(id, residentId, projectCode, villageCode, urgency, channel, volunteerId, placedAt);
    }

    /** Moves the status forward; an event that arrives late never moves it back. */
    public void advanceTo(OrderStatus reached) {
        if (status.isBefore(reached)) {
            status = reached;
        }
    }
}
