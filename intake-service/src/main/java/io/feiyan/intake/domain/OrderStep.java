package io.feiyan.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One step of an order's timeline: an event of its life, kept as published. */
@Entity
public class OrderStep extends PanacheEntityBase {
    @Id
    public UUID eventId;
    public UUID orderId;
    /** The CloudEvents type, e.g. feiyan.order.assigned.v1. */
    public String type;
    public Instant occurredAt;
    public String payload;

    public static List<OrderStep> of(UUID orderId) {
        return list("orderId = ?1 order by occurredAt, eventId", orderId);
    }

    public static List<String> typesOf(UUID orderId) {
        return getEntityManager().createQuery(
                "select s.type from OrderStep s where s.orderId = ?1 order by s.occurredAt, s.eventId", String.class)
                .setParameter(1, orderId).getResultList();
    }
}
