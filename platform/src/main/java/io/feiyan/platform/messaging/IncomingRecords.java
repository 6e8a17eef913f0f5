package io.feiyan.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reads a Kafka record as the event it carries: its CloudEvents headers and its JSON payload. */
final class IncomingRecords {
    private final ObjectMapper json;

    IncomingRecords(ObjectMapper json) {
        this.json = json;
    }

    /** A record as read: the event it carries, or why it carries none. */
    record Parsed(ConsumerRecord<String, String> record, EventHandlers.Handler<?> handler, IncomingEvent<?> event,
            String poison) {
    }

    /** The record as the channel's handlers take it: its handler and event, or why it is poison. */
    Parsed parse(ConsumerRecord<String, String> record, EventHandlers handlers) {
        String ceType = optionalHeader(record, CloudEvents.TYPE);
        Optional<EventHandlers.Handler<?>> handler = handlers.forCeType(ceType);
        if (handler.isEmpty()) {
            return new Parsed(record, null, null, handlers.channel() + " takes no events of ce_type " + ceType
                    + " (topic " + record.topic() + ")");
        }
        try {
            return new Parsed(record, handler.get(), read(record, handler.get().type().javaType()), null);
        } catch (PoisonMessageException e) {
            return new Parsed(record, handler.get(), null, e.getMessage());
        }
    }

    /**
     * Parses the record as an event of the given type (its CloudEvents id, time and JSON payload).
     *
     * @throws PoisonMessageException when the record is not a well-formed event of that type
     */
    <T extends Event> IncomingEvent<T> read(ConsumerRecord<String, String> record, Class<T> type) {
        UUID id;
        Instant time;
        try {
            id = UUID.fromString(header(record, CloudEvents.ID));
            time = Instant.parse(header(record, CloudEvents.TIME));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonMessageException("bad CloudEvents header: " + e.getMessage(), e);
        }
        if (record.value() == null) {
            throw new PoisonMessageException("no payload");
        }
        try {
            return new IncomingEvent<>(id, time, json.readValue(record.value(), type), record.value());
        } catch (IOException e) {
            throw new PoisonMessageException("payload is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        String value = optionalHeader(record, name);
        if (value == null) {
            throw new PoisonMessageException("missing header " + name);
        }
        return value;
    }

    static String optionalHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
