package io.feiyan.notification.domain;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
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

/** An order as notification knows it: from its OrderPlaced, and the team, times and activity of its later events. */
@Entity
@Table(name = "tracked_order")
public class TrackedOrder extends PanacheEntityBase {
    @Id
    public UUID orderId;
    public UUID residentId;
    public String villageCode;
    public String placedBy;
    public String projectCode;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    public String teamCode;
    public Instant scheduledFor;
    public Instant deadline;
    public UUID activityId;
    public Instant placedAt;

    public static TrackedOrder placed(OrderPlaced placed) {
        TrackedOrder order = new TrackedOrder();
        order.orderId = placed.orderId();
        order.residentId = placed.residentId();
        order.villageCode = placed.villageCode();
        order.placedBy = placed.volunteerId();
        order.projectCode = placed.projectCode();
        order.urgency = placed.urgency();
        order.placedAt = placed.placedAt();
        return order;
    }

    public void assigned(OrderAssigned assigned) {
        if (assigned.projectCode() != null) {
            projectCode = assigned.projectCode();
        }
        deadline = assigned.deadline();
        activityId = assigned.activityId();
    }

    public void accepted(OrderAccepted accepted) {
        teamCode = accepted.teamCode();
        scheduledFor = accepted.scheduledFor();
        if (accepted.activityId() != null) {
            activityId = accepted.activityId();
        }
    }

    public OrderFacts facts() {
        return new OrderFacts(orderId, residentId, villageCode, placedBy, projectCode, urgency, teamCode, scheduledFor,
                deadline);
    }
}
