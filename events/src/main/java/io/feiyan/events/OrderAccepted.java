package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/** The team took the order (接单). */
public record OrderAccepted(UUID orderId, String teamCode, Instant acceptedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return acceptedAt;
    }
}
