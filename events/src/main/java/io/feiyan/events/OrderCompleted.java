package io.feiyan.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The team delivered the service; {@code volunteerHours} is the time its volunteers gave. */
public record OrderCompleted(UUID orderId, String teamCode, BigDecimal volunteerHours, Instant completedAt)
        implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return completedAt;
    }
}
