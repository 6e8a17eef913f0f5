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
        OPERATOR,
        /**
         * The team accepted it and its deadline passed before it was delivered: the operators of the tier above are
         * told (at the county, the county centre's); the order stays with its team.
         */
        DEADLINE_PASSED
    }

    @Override
    public Instant occurredAt() {
        return escalatedAt;
    }
}
