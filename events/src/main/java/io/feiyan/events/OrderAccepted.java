package io.feiyan.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The team took the order (接单). {@code scheduledFor} is when the team comes, when it said so; {@code activityId} the
 * activity (one visit serving several residents) the order is served in, null when it is served alone;
 * {@code offeredAt} the offer it answers (its OrderAssigned's {@code assignedAt}) and {@code crew} the volunteers the
 * team sends, by id (both null in older events).
 */
public record OrderAccepted(UUID orderId, String teamCode, Instant acceptedAt, Instant scheduledFor, UUID activityId,
        Instant offeredAt, List<UUID> crew) implements OrderEvent {

    /** An acceptance that says neither the offer it answers nor who goes. */
    public OrderAccepted(UUID orderId, String teamCode, Instant acceptedAt, Instant scheduledFor, UUID activityId) {
        this(orderId, teamCode, acceptedAt, scheduledFor, activityId, null, null);
    }

    /** An acceptance that says neither when the team comes nor an activity. */
    public OrderAccepted(UUID orderId, String teamCode, Instant acceptedAt) {
        this(orderId, teamCode, acceptedAt, null, null);
    }

    @Override
    public Instant occurredAt() {
        return acceptedAt;
    }
}
