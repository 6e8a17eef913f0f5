package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/** The team said no to the order it was given; dispatch finds the next candidate. */
public record OrderDeclined(UUID orderId, String teamCode, String reason, Instant declinedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return declinedAt;
    }
}
