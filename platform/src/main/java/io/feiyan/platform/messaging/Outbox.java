package io.feiyan.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.Event;
import io.feiyan.events.EventType;
import io.feiyan.events.TimeOrderedIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Records events in the current transaction; {@link OutboxRelay} sends them to Kafka once it has
 * committed. Never send to Kafka from a business transaction: use this.
 */
@ApplicationScoped
public class Outbox {
    private static final Object RELAY_WAKER = new Object();

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final OrderTraces traces;
    /** The rows a consumer's batch publishes, written together when it ends ({@link #batch}). */
    private final ThreadLocal<List<Row>> batchRows = new ThreadLocal<>();
    /** The event this thread is applying, if it is applying one: what the events it publishes are caused by. */
    private final ThreadLocal<Cause> cause = new ThreadLocal<>();
    /** This service's name: in the id of an event it publishes for a cause. */
    private final String publisher;

    Outbox(EntityManager entityManager, ObjectMapper json, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay, OrderTraces traces, @ConfigProperty(name = "quarkus.application.name") String publisher) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.traces = traces;
    }

    /**
     * One outbox row. {@code destination} and {@code headers} are set for a dead letter only: it goes to that topic
     * with those headers, where an event goes to its type's topic with the CloudEvents headers made from the row.
     */
    record Row(UUID id, String aggregateType, String aggregateId, String type, String payload, Instant occurredAt,
            String traceparent, String destination, String headers) {
    }

    /**
     * Adds the event to the outbox; it commits or rolls back with the caller's transaction. Returns its id. An event
     * of an order goes in the order's trace (see {@link OrderTraces}, {@link KeepsOrderTrace}), any other in the
     * current one; the relay sends the trace with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(Event event) {
        Cause by = cause.get();
        UUID id = by == null ? TimeOrderedIds.next() : TimeOrderedIds.causedBy(by.eventId, publisher, by.published++);
        add(new Row(id, event.aggregateType(), event.key(), EventType.of(event).ceType(), toJson(event), Instant.now(),
                traces.forPublishing(event), null, null));
        return id;
    }

    /**
     * While open, what this thread publishes is caused by the event: the {@code n}th event it publishes gets the id
     * {@link TimeOrderedIds#causedBy}, the same each time the event is applied. A database restored from a backup
     * applies the events since again and publishes the same events, which their consumers drop as repeats. (Events
     * a request or a sweep publishes have ids of their own: nothing applies them again.)
     */
    Caused causedBy(UUID eventId) {
        cause.set(new Cause(eventId));
        return cause::remove;
    }

    /** What {@link #causedBy} opened: closing it ends the cause. */
    interface Caused extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Cause {
        private final UUID eventId;
        private int published;

        private Cause(UUID eventId) {
            this.eventId = eventId;
        }
    }

    /** Adds a dead letter: a record this service could not process, for its dead-letter topic. */
    @Transactional(Transactional.TxType.MANDATORY)
    void publishDeadLetter(String topic, String key, String ceType, String value, Map<String, String> headers) {
        add(new Row(TimeOrderedIds.next(), "dead-letter", key == null ? "" : key, ceType == null ? "" : ceType, value,
                Instant.now(), null, topic, toJson(headers)));
    }

    private void add(Row row) {
        List<Row> batch = batchRows.get();
        if (batch != null) {
            batch.add(row);
        } else {
            write(List.of(row));
        }
        wakeRelayAfterCommit();
    }

    /**
     * While open, what this thread publishes is kept and written in one statement by {@link Batch#write()}: a
     * consumer writes the outbox rows of a whole batch at once.
     */
    Batch batch() {
        batchRows.set(new ArrayList<>());
        return new Batch();
    }

    final class Batch implements AutoCloseable {
        /** Writes the rows published since the batch opened. */
        void write() {
            List<Row> rows = batchRows.get();
            if (!rows.isEmpty()) {
                Outbox.this.write(rows);
                rows.clear();
            }
        }

        @Override
        public void close() {
            batchRows.remove();
        }
    }

    private void write(List<Row> rows) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox (id, aggregatetype, aggregateid, type, payload, occurred_at, traceparent,
                        destination, headers)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Row row : rows) {
                    insert.setObject(1, row.id());
                    insert.setString(2, row.aggregateType());
                    insert.setString(3, row.aggregateId());
                    insert.setString(4, row.type());
                    insert.setString(5, row.payload());
                    insert.setTimestamp(6, Timestamp.from(row.occurredAt()));
                    insert.setString(7, row.traceparent());
                    insert.setString(8, row.destination());
                    insert.setString(9, row.headers());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Wakes the relay once the transaction commits: once a transaction, however many rows it published. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(RELAY_WAKER) != null) {
            return;
        }
        transactions.putResource(RELAY_WAKER, Boolean.TRUE);
        AfterCommit.run(transactions, relay::wake);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
