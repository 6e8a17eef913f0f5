package io.feiyan.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The team delivered the service; {@code volunteerHours} is the time its volunteers gave. For an order served in an
 * activity ({@code activityId}, else null) it is the order's share of the activity's hours: the shares of its orders
 * add up to the hours the team recorded once. {@code offeredAt} is the offer the team had accepted (its OrderAssigned's
 * {@code assignedAt}); {@code hoursLedger} the lines the completion wrote into the team's hours ledger (an activity's on
 * its first order, none on the others). Both are null in older events.
 */
public record OrderCompleted(UUID orderId, String teamCode, BigDecimal volunteerHours, Instant completedAt,
        UUID activityId, Instant offeredAt, List<HoursLine> hoursLedger) implements OrderEvent {

    /** A line of the hours ledger: a volunteer's hours, or the team's when {@code volunteerId} is null (no one named). */
    public record HoursLine(UUID volunteerId, BigDecimal hours) {
    }

    /** A completion that says neither the offer it served nor its hours ledger. */
    public OrderCompleted(UUID orderId, String teamCode, BigDecimal volunteerHours, Instant completedAt,
            UUID activityId) {
        this(orderId, teamCode, volunteerHours, completedAt, activityId, null, null);
    }

    /** A completion of an order served alone. */
    public OrderCompleted(UUID orderId, String teamCode, BigDecimal volunteerHours, Instant completedAt) {
        this(orderId, teamCode, volunteerHours, completedAt, null);
    }

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
