package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The team took the order (接单). {@code scheduledFor} is when the team comes, when it said so; {@code activityId} the
 * activity (one visit serving several residents) the order is served in, null when it is served alone.
 */
public record OrderAccepted(UUID orderId, String teamCode, Instant acceptedAt, Instant scheduledFor, UUID activityId)
        implements OrderEvent {

    /** An acceptance that says neither when the team comes nor an activity. */
    public OrderAccepted(UUID orderId, String teamCode, Instant acceptedAt) {
        this(orderId, teamCode, acceptedAt, null, null);
    }

    @Override
    public Instant occurredAt() {
        return acceptedAt;
    }
}
