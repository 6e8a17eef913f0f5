package io.feiyan.events;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The team said no to the order it was given; dispatch finds the next candidate. {@code reason} adds the
 * team's words, and is required when the code is {@code OTHER}; {@code offeredAt} is the offer it answers (its
 * OrderAssigned's {@code assignedAt}; null in older events).
 */
public record OrderDeclined(UUID orderId, String teamCode, DeclineReason reasonCode, String reason,
        Instant declinedAt, Instant offeredAt) implements OrderEvent {

    public enum DeclineReason {
        NO_CAPACITY, OUTSIDE_OUR_SERVICE, RESIDENT_UNREACHABLE, OTHER
    }

    /** A decline that does not say which offer it answers. */
    public OrderDeclined(UUID orderId, String teamCode, DeclineReason reasonCode, String reason, Instant declinedAt) {
        this(orderId, teamCode, reasonCode, reason, declinedAt, null);
    }

    /** Why, for people: the team's words, or the reason code's. */
    public String inWords() {
        if (reason != null && !reason.isBlank()) {
            return reason;
        }
        return reasonCode.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public Instant occurredAt() {
        return declinedAt;
    }
}
