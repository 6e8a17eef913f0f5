package io.feiyan.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.feiyan.intake.domain.OrderStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Every event of every order, kept as published: what timelines and statuses are worked out from. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderHistory {
    private final ObjectMapper json;

    OrderHistory(ObjectMapper json) {
        this.json = json;
    }

    /** Adds an event this service published. */
    public void add(UUID eventId, OrderEvent event) {
        try {
            add(eventId, event, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an event, with its payload as it came. */
    public void add(UUID eventId, OrderEvent event, String payload) {
        OrderStep step = new OrderStep();
        step.eventId = eventId;
        step.orderId = event.orderId();
        step.type = EventType.of(event).ceType();
        step.occurredAt = event.occurredAt();
        step.payload = payload;
        step.persist();
    }

    /** The types of the order's events, in the order they happened: all its status depends on. */
    public List<EventType> typesOf(UUID orderId) {
        return OrderStep.typesOf(orderId).stream().map(type -> EventType.byCeType(type)
                .orElseThrow(() -> new IllegalStateException("unknown step type " + type))).toList();
    }

    /** The order's events in the order they happened. */
    public List<OrderEvent> of(UUID orderId) {
        return OrderStep.of(orderId).stream().map(this::parse).toList();
    }

    private OrderEvent parse(OrderStep step) {
        EventType type = EventType.byCeType(step.type)
                .orElseThrow(() -> new IllegalStateException("unknown step type " + step.type));
        try {
            return (OrderEvent) json.readValue(step.payload, type.javaType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable step " + step.eventId, e);
        }
    }
}
