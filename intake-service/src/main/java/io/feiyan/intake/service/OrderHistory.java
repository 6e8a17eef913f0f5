package io.feiyan.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.feiyan.intake.domain.OrderStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Every event of every order, kept as published: what timelines and statuses are worked out from. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderHistory {
    private final ObjectMapper json;
    private final DataSource dataSource;

    OrderHistory(ObjectMapper json, DataSource dataSource) {
        this.json = json;
        this.dataSource = dataSource;
    }

    /** Adds an event this service published. */
    public void add(UUID eventId, OrderEvent event) {
        try {
            add(eventId, event, json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an event, with its payload as it came: one row written at once, in plain SQL. */
    public void add(UUID eventId, OrderEvent event, String payload) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into order_step (event_id, order_id, type, occurred_at, payload) values (?, ?, ?, ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setObject(2, event.orderId());
            insert.setString(3, EventType.of(event).ceType());
            insert.setTimestamp(4, Timestamp.from(event.occurredAt()));
            insert.setString(5, payload);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add event " + eventId + " to order " + event.orderId(), e);
        }
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
