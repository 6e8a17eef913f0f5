package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The resident reported a completed order unresolved (at a follow-up, 回访), so it goes back to
 * dispatch to be served again. {@code reason} is in the follow-up's words, without personal data.
 */
public record OrderReopened(UUID orderId, String reason, Instant reopenedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return reopenedAt;
    }
}
