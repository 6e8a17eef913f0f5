package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident's need was placed (点单). The resident appears only as an opaque id, the place only as
 * a village code. {@code volunteerId} names the 飞燕 volunteer for proxy orders, else it is null.
 */
public record OrderPlaced(
        UUID orderId,
        UUID residentId,
        String projectCode,
        String villageCode,
        Urgency urgency,
        Channel channel,
        String volunteerId,
        Instant placedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return placedAt;
    }
}
