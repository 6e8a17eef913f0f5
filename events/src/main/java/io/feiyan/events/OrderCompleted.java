package io.feiyan.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The team delivered the service; {@code volunteerHours} is the time its volunteers gave. For an order served in an
 * activity ({@code activityId}, else null) it is the order's share of the activity's hours: the shares of its orders
 * add up to the hours the team recorded once.
 */
public record OrderCompleted(UUID orderId, String teamCode, BigDecimal volunteerHours, Instant completedAt,
        UUID activityId) implements OrderEvent {

    /** A completion of an order served alone. */
    public OrderCompleted(UUID orderId, String teamCode, BigDecimal volunteerHours, Instant completedAt) {
        this(orderId, teamCode, volunteerHours, completedAt, null);
    }

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
