package io.feiyan.notification.domain;

import io.feiyan.events.Urgency;
import java.time.Instant;
import java.util.UUID;

/**
 * What the rule needs to know of an order beyond the event in hand: whom it is for, who placed it, and, once a team
 * took it, which team, when it comes and by when it must be done.
 */
public record OrderFacts(UUID orderId, UUID residentId, String villageCode, String placedBy, String projectCode,
        Urgency urgency, String teamCode, Instant scheduledFor, Instant deadline) {
}
