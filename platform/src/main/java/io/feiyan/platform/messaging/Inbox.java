package io.feiyan.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.Event;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.feiyan.platform.observability.OrderLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The idempotent-consumer half of the event rules. A handler calls {@link #receive} first, inside the
 * transaction of its effect: the event's id is inserted into {@code processed_event}, and a
 * redelivered event (its id already there) comes back empty, so the handler does nothing. While the handler's
 * transaction runs, an order event's order id is in the log context, and the order's trace is remembered
 * ({@link OrderTraces}) so what this service publishes about the order later stays in it.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final OrderTraces traces;
    private final TransactionSynchronizationRegistry transactions;

    Inbox(EntityManager entityManager, ObjectMapper json, OrderTraces traces,
            TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.json = json;
        this.traces = traces;
        this.transactions = transactions;
    }

    /**
     * Parses the record as an event of the given type and claims it for this consumer.
     *
     * @return the event, or empty when this consumer has already processed it
     * @throws PoisonMessageException when the record is not a well-formed event of that type
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends Event> Optional<IncomingEvent<T>> receive(ConsumerRecord<String, String> record,
            Class<T> type) {
        IncomingEvent<T> event = parse(record, type);
        int claimed = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id) values (?1, ?2)
                on conflict do nothing""")
                .setParameter(1, record.topic())
                .setParameter(2, event.id())
                .executeUpdate();
        if (event.payload() instanceof OrderEvent order) {
            logAboutUntilCompletion(order);
            if (claimed == 1) {
                traces.heard(order, optionalHeader(record, CloudEvents.TRACEPARENT));
            }
        }
        return claimed == 1 ? Optional.of(event) : Optional.empty();
    }

    private void logAboutUntilCompletion(OrderEvent order) {
        OrderLog.put(order.orderId());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                OrderLog.clear();
            }
        });
    }

    /**
     * Parses the record as an event of the given type without claiming it: for reference data, whose copies
     * take each entry's latest state, so applying an event twice does no harm (and a copy can be rebuilt by
     * reading its compacted topic again).
     *
     * @throws PoisonMessageException when the record is not a well-formed event of that type
     */
    public <T extends Event> IncomingEvent<T> read(ConsumerRecord<String, String> record, Class<T> type) {
        return parse(record, type);
    }

    private <T extends Event> IncomingEvent<T> parse(ConsumerRecord<String, String> record, Class<T> type) {
        String expectedType = EventType.of(type).ceType();
        String ceType = header(record, CloudEvents.TYPE);
        if (!expectedType.equals(ceType)) {
            throw new PoisonMessageException("expected ce_type " + expectedType + " but got " + ceType);
        }
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
            return new IncomingEvent<>(id, time, json.readValue(record.value(), type));
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

    private static String optionalHeader(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
