package io.feiyan.events;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The team said no to the order it was given; dispatch finds the next candidate. {@code reason} adds the
 * team's words, and is required when the code is {@code OTHER}.
 */
public record OrderDeclined(UUID orderId, String teamCode, DeclineReason reasonCode, String reason,
        Instant declinedAt) implements OrderEvent {

    public enum DeclineReason {
        NO_CAPACITY, OUTSIDE_OUR_SERVICE, RESIDENT_UNREACHABLE, OTHER
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
