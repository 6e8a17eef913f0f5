package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident's need was placed (点单). The resident appears only as an opaque id, the place only as
 * a village code, and the need only as its project and category: the free-text description stays in
 * intake, for reviewers to read there. {@code projectCode} is null for a free-text need, which then
 * {@code needsReview}. {@code volunteerId} names the 飞燕 volunteer of a proxy order, else it is null.
 */
public record OrderPlaced(
        UUID orderId,
        UUID residentId,
        String projectCode,
        String category,
        boolean needsReview,
        String villageCode,
        Urgency urgency,
        Channel channel,
        String volunteerId,
        Instant preferredFrom,
        Instant preferredTo,
        Instant placedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return placedAt;
    }
}
