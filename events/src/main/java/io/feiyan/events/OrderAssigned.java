package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Dispatch (派单) gave the order to a team of the given tier. The team must accept it by
 * {@code acceptBy}, or dispatch passes it on; the service is due by {@code deadline}. {@code assignedBy}
 * names the operator who chose the team by hand, with {@code note} saying why; both are null when
 * dispatch chose by its rules. {@code lowestCapableTier} is the lowest tier at which a team could serve the order at
 * all (offering its project, room or not) when it was assigned: where it would be served close to home.
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
        Instant assignedAt,
        Tier lowestCapableTier) implements OrderEvent {

    /** An assignment that does not say the lowest capable tier. */
    public OrderAssigned(UUID orderId, String teamCode, Tier tier, String projectCode, Instant acceptBy,
            Instant deadline, String assignedBy, String note, Instant assignedAt) {
        this(orderId, teamCode, tier, projectCode, acceptBy, deadline, assignedBy, note, assignedAt, null);
    }

    @Override
    public Instant occurredAt() {
        return assignedAt;
    }
}
