package io.feiyan.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.Event;
import io.feiyan.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Records events in the current transaction; {@link OutboxRelay} sends them to Kafka once it has
 * committed. Never send to Kafka from a business transaction: use this.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final OrderTraces traces;

    Outbox(EntityManager entityManager, ObjectMapper json, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay, OrderTraces traces) {
        this.entityManager = entityManager;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.traces = traces;
    }

    /**
     * Adds the event to the outbox; it commits or rolls back with the caller's transaction. Returns its id. The
     * row keeps the trace context the event belongs to (see {@link OrderTraces}), which the relay sends with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(Event event) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                insert into outbox (id, aggregatetype, aggregateid, type, payload, occurred_at, traceparent)
                values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as varchar))""")
                .setParameter(1, id)
                .setParameter(2, event.aggregateType())
                .setParameter(3, event.key())
                .setParameter(4, EventType.of(event).ceType())
                .setParameter(5, toJson(event))
                .setParameter(6, Instant.now())
                .setParameter(7, traces.forPublishing(event))
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String toJson(Event event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event, e);
        }
    }
}
