package io.feiyan.feedback.domain;

import io.feiyan.events.OrderCompleted;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order a team has delivered, as feedback learns of it from OrderCompleted. */
@Entity
public class CompletedOrder extends PanacheEntityBase {
    @Id
    public UUID orderId;
    public String teamCode;
    public BigDecimal volunteerHours;
    public Instant completedAt;

    public static void record(OrderCompleted completed) {
        if (findById(completed.orderId()) != null) {
            return;
        }
        CompletedOrder order = new CompletedOrder();
        order.orderId = completed.orderId();
        order.teamCode = completed.teamCode();
        order.volunteerHours = completed.volunteerHours();
        order.completedAt = completed.completedAt();
        order.persist();
    }
}
