package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/** Dispatch (派单) gave the order to a team of the given tier, to deliver by the deadline. */
public record OrderAssigned(
        UUID orderId,
        String teamCode,
        Tier tier,
        String projectCode,
        Instant deadline,
        Instant assignedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return assignedAt;
    }
}
