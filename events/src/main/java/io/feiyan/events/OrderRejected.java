package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Review (审核) said no: the need is not one volunteers can serve. {@code reason} is for the resident;
 * {@code rejectedBy} names the operator.
 */
public record OrderRejected(UUID orderId, String reason, String rejectedBy, Instant rejectedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return rejectedAt;
    }
}
