package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The order went up a tier (village → town → county): what the lower tier could not solve.
 * {@code escalatedBy} names the operator who sent it up by hand, with {@code note} saying why.
 */
public record OrderEscalated(UUID orderId, Tier fromTier, Tier toTier, EscalationReason reason,
        String escalatedBy, String note, Instant escalatedAt) implements OrderEvent {

    public enum EscalationReason {
        /** No team of the lower tier offers the need or has room. */
        NO_TEAM_AVAILABLE,
        /** The team given the order let its time to accept pass. */
        TIMEOUT,
        /** Every team of the lower tier that could serve it declined. */
        DECLINED,
        /** An operator sent it up by hand. */
        OPERATOR
    }

    @Override
    public Instant occurredAt() {
        return escalatedAt;
    }
}
