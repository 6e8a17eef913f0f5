package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator asks the village's 飞燕 volunteer on duty to call the resident — to learn more, to say what will
 * happen, to find another way — with {@code note} saying what to ask or tell. Changes nothing of the order's dispatch;
 * intake shows it on the order's timeline, where the village's volunteers see it.
 */
public record OrderCallRequested(UUID orderId, String villageCode, String requestedBy, String note,
        Instant requestedAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
