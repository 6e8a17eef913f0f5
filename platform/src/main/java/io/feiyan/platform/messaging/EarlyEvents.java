package io.feiyan.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * An order's events heard before what they follow, kept ({@code early_event}) until it comes. The topics are read
 * side by side, each in order but not in the order they were published across topics: after a restart, or a restore
 * from a backup, an order's acceptance may be read before its placing, or a team's answer before the offer it
 * answers. An event waits for the order itself, or for a step of it at a time (an offer, by its time); the consumer
 * takes it when that comes and applies it as if it had come after it.
 */
@ApplicationScoped
public class EarlyEvents {
    /** An event kept, with its id. */
    public record Early(UUID id, OrderEvent event) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    EarlyEvents(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Keeps the event until its order comes ({@link #takeFor(UUID)}). */
    public void keep(IncomingEvent<? extends OrderEvent> incoming) {
        keep(incoming, null);
    }

    /** Keeps the event until its order's step at {@code step} comes ({@link #takeFor(UUID, Instant)}). */
    public void keep(IncomingEvent<? extends OrderEvent> incoming, Instant step) {
        entityManager.createNativeQuery("""
                insert into early_event (event_id, order_id, ce_type, payload, received_at, waits_for)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (event_id) do nothing""")
                .setParameter(1, incoming.id())
                .setParameter(2, incoming.payload().orderId())
                .setParameter(3, EventType.of(incoming.payload()).ceType())
                .setParameter(4, incoming.json())
                .setParameter(5, Instant.now())
                .setParameter(6, step)
                .executeUpdate();
    }

    /** The order came: the events kept until it did, oldest first, forgotten here. */
    public List<Early> takeFor(UUID orderId) {
        return take(entityManager.createNativeQuery("""
                delete from early_event where order_id = ?1 and waits_for is null
                returning event_id, ce_type, payload""").setParameter(1, orderId).getResultList());
    }

    /**
     * The order's step at {@code step} came: the events kept until it, or until an earlier step of the order, oldest
     * first, forgotten here. Those kept for an earlier step are the caller's to drop, as history.
     */
    public List<Early> takeFor(UUID orderId, Instant step) {
        return take(entityManager.createNativeQuery("""
                delete from early_event where order_id = ?1 and waits_for <= ?2
                returning event_id, ce_type, payload""").setParameter(1, orderId).setParameter(2, step)
                .getResultList());
    }

    private List<Early> take(List<?> rows) {
        List<Early> events = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            EventType type = EventType.byCeType((String) columns[1])
                    .orElseThrow(() -> new IllegalStateException("kept an event of unknown type " + columns[1]));
            try {
                events.add(new Early((UUID) columns[0],
                        (OrderEvent) json.readValue((String) columns[2], type.javaType())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("kept an event it cannot read again: " + columns[0], e);
            }
        }
        events.sort(Comparator.comparing(early -> early.event().occurredAt()));
        return events;
    }
}
