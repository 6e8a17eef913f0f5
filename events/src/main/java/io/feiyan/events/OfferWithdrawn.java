package io.feiyan.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The order was offered to several teams at once (抢单) and {@code takenBy} accepted it first: the offer to
 * {@code teamCode}, which had not answered, is withdrawn. Published with the {@link OrderAccepted} of the team that took
 * it, once for each other team still holding the offer. Not a missed offer: the team had no chance to answer.
 */
public record OfferWithdrawn(UUID orderId, String teamCode, String takenBy, Instant withdrawnAt) implements OrderEvent {

    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
