package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/** The resident, or whoever placed it for them, withdrew the order before a team accepted it. */
public record OrderCancelled(UUID orderId, CancelReason reason, Instant cancelledAt) implements OrderEvent {

    public enum CancelReason {
        NO_LONGER_NEEDED, SOLVED_OTHERWISE, PLACED_BY_MISTAKE, OTHER
    }

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
