package io.feiyan.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.feiyan.platform.messaging.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An order's events heard before its OrderPlaced, kept until it comes: the topics are read side by side, in order each,
 * but not in the order they were published across topics, so after a restart an order's acceptance may be read before
 * its placing. Without its OrderPlaced nobody is known to tell.
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

    void keep(IncomingEvent<? extends OrderEvent> incoming) {
        entityManager.createNativeQuery("""
                insert into early_event (event_id, order_id, ce_type, payload, received_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (event_id) do nothing""")
                .setParameter(1, incoming.id())
                .setParameter(2, incoming.payload().orderId())
                .setParameter(3, EventType.of(incoming.payload()).ceType())
                .setParameter(4, incoming.json())
                .setParameter(5, Instant.now())
                .executeUpdate();
    }

    /** The order's events kept so far, oldest first, and forgotten here. */
    List<Early> takeFor(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                delete from early_event where order_id = ?1 returning event_id, ce_type, payload""")
                .setParameter(1, orderId).getResultList();
        List<Early> events = new ArrayList<>();
        for (Object[] row : rows) {
            EventType type = EventType.byCeType((String) row[1])
                    .orElseThrow(() -> new IllegalStateException("kept an event of unknown type " + row[1]));
            try {
                events.add(new Early((UUID) row[0], (OrderEvent) json.readValue((String) row[2], type.javaType())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("kept an event it cannot read again: " + row[0], e);
            }
        }
        events.sort((a, b) -> a.event().occurredAt().compareTo(b.event().occurredAt()));
        return events;
    }
}
