package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Dispatch found no team that can take the order now at its tier or above — none offers its need, or every one that
 * does is full or declined it (a team that only let its time to accept pass is asked again first) — so it waits,
 * unserved, until a team has room again or an operator assigns it. Said once each time an order comes to wait so; the next
 * {@link OrderAssigned} ends the wait.
 */
public record OrderUnserved(UUID orderId, Instant unservedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return unservedAt;
    }
}
