package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/** The order went up a tier (village → town → county): what the lower tier could not solve. */
public record OrderEscalated(UUID orderId, Tier fromTier, Tier toTier, EscalationReason reason,
        Instant escalatedAt) implements OrderEvent {

    public enum EscalationReason {
        /** No team of the lower tier offers the project or has room. */
        NO_TEAM_AVAILABLE,
        /** The team of the lower tier let the deadline pass. */
        DEADLINE_MISSED,
        /** Every team of the lower tier declined. */
        DECLINED,
        /** An operator sent it up by hand. */
        OPERATOR
    }

    @Override
    public Instant occurredAt() {
        return escalatedAt;
    }
}
