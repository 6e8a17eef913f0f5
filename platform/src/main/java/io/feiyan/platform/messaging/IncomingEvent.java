package io.feiyan.platform.messaging;

import io.feiyan.events.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * An event as a consumer receives it: the payload with its CloudEvents id and time, and the payload's JSON as it
 * came ({@code json}), for a consumer that keeps it as received.
 */
public record IncomingEvent<T extends Event>(UUID id, Instant time, T payload, String json) {
}
