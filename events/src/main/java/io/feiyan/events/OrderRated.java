package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/** The resident, or their proxy, rated the service (评单) from 1 to 5. */
public record OrderRated(UUID orderId, int score, Instant ratedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return ratedAt;
    }
}
