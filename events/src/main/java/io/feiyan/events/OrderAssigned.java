package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Dispatch (派单) gave the order to a team of the given tier. The team must accept it by
 * {@code acceptBy}, or dispatch passes it on; the service is due by {@code deadline}. {@code assignedBy}
 * names the operator who chose the team by hand, with {@code note} saying why; both are null when
 * dispatch chose by its rules.
 */
public record OrderAssigned(
        UUID orderId,
        String teamCode,
        Tier tier,
        String projectCode,
        Instant acceptBy,
        Instant deadline,
        String assignedBy,
        String note,
        Instant assignedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return assignedAt;
    }
}
