package io.feiyan.team.domain;

import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order as the team it was given to sees it. Its moves return the events they cause. */
@Entity
public class Assignment extends PanacheEntityBase {
    @Id
    public UUID orderId;
    public String teamCode;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public String projectCode;
    public Instant deadline;
    @Enumerated(EnumType.STRING)
    public AssignmentStatus status;
    public Instant assignedAt;
    public Instant acceptedAt;
    public Instant completedAt;
    public BigDecimal volunteerHours;

    public static Assignment offeredBy(OrderAssigned assigned) {
        Assignment assignment = new Assignment();
        assignment.orderId = assigned.orderId();
        assignment.teamCode = assigned.teamCode();
        assignment.tier = assigned.tier();
        assignment.projectCode = assigned.projectCode();
        assignment.deadline = assigned.deadline();
        assignment.assignedAt = assigned.assignedAt();
        assignment.status = AssignmentStatus.OFFERED;
        return assignment;
    }

    /** The team takes the order (接单). */
    public OrderAccepted accept(Instant now) {
        requireStatus(AssignmentStatus.OFFERED, "accepted");
        status = AssignmentStatus.ACCEPTED;
        acceptedAt = now;
        return new OrderAccepted(orderId, teamCode, now);
    }

    /** The team has delivered; {@code hours} is the volunteer time it took. */
    public OrderCompleted complete(BigDecimal hours, Instant now) {
        requireStatus(AssignmentStatus.ACCEPTED, "completed");
        status = AssignmentStatus.COMPLETED;
        completedAt = now;
        volunteerHours = hours;
        return new OrderCompleted(orderId, teamCode, hours, now);
    }

    /** The order was withdrawn; only an offer not yet accepted is called off. */
    public void cancel() {
        if (status == AssignmentStatus.OFFERED) {
            status = AssignmentStatus.CANCELLED;
        }
    }

    private void requireStatus(AssignmentStatus expected, String move) {
        if (status != expected) {
            throw new IllegalAssignmentMove(orderId, status, move);
        }
    }
}
