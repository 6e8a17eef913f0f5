package io.feiyan.dispatch.domain;

import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One order as dispatch handles it: reviewed, sent to a team at a tier, due by a deadline. */
@Entity
public class DispatchCase extends PanacheEntityBase {
    @Id
    public UUID orderId;
    /** Null for a free-text need. */
    public String projectCode;
    public String category;
    public String villageCode;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public String teamCode;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public Instant deadline;
    public Instant placedAt;
    public Instant assignedAt;
    public Instant updatedAt;

    /** Opens the case of a newly placed order; an order from the catalogue needs no manual review. */
    public static DispatchCase open(OrderPlaced placed, Instant now) {
        DispatchCase c = new DispatchCase();
        c.orderId = placed.orderId();
        c.projectCode = placed.projectCode();
        c.category = placed.category();
        c.villageCode = placed.villageCode();
        c.urgency = placed.urgency();
        c.placedAt = placed.placedAt();
        c.status = placed.needsReview() ? CaseStatus.IN_REVIEW : CaseStatus.WAITING;
        c.updatedAt = now;
        return c;
    }

    /** Sends the case to the team; the deadline follows from the order's urgency. */
    public OrderAssigned assignTo(Team team, Instant now) {
        status = CaseStatus.ASSIGNED;
        teamCode = team.code;
        tier = team.tier;
        assignedAt = now;
        deadline = now.plus(urgency.timeLimit());
        updatedAt = now;
        return new OrderAssigned(orderId, teamCode, tier, projectCode, deadline, now);
    }

    /** The resident withdrew the order; one a team has accepted stays with the team. */
    public void cancel(Instant now) {
        if (status.isBefore(CaseStatus.ACCEPTED)) {
            status = CaseStatus.CANCELLED;
            updatedAt = now;
        }
    }

    /** Moves the status forward as the team reports; a late event never moves it back. */
    public void advanceTo(CaseStatus reached, Instant now) {
        if (status != CaseStatus.CANCELLED && status.isBefore(reached)) {
            status = reached;
            updatedAt = now;
        }
    }
}
