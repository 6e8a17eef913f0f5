package io.feiyan.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderCompleted;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.OrderPlaced;
import io.feiyan.events.OrderRated;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.OrderStep;
import io.feiyan.intake.domain.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Tells an order's story in plain words, step by step, in the order things happened. */
@ApplicationScoped
public class Timeline {
    private final ObjectMapper json;
    private final DateTimeFormatter localTime;

    Timeline(ObjectMapper json, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.json = json;
        this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").withZone(zone);
    }

    public record Entry(OrderStatus step, Instant at, String text) {
    }

    @Transactional
    public List<Entry> of(UUID orderId) {
        return OrderStep.of(orderId).stream().map(this::entry).toList();
    }

    private Entry entry(OrderStep step) {
        OrderEvent event = parse(step);
        return new Entry(OrderStatus.reachedBy(event), step.occurredAt, describe(event));
    }

    String describe(OrderEvent event) {
        if (event instanceof OrderPlaced placed) {
            return switch (placed.channel()) {
                case PROXY -> "Placed by 飞燕 volunteer " + placed.volunteerId() + " on the resident's behalf";
                case PHONE -> "Taken by a station operator on the phone";
                case WECHAT -> "Placed by the resident through the WeChat public account";
                case APP -> "Placed by the resident in the app";
            };
        }
        if (event instanceof OrderAssigned assigned) {
            return "Reviewed and assigned to " + Team.nameOf(assigned.teamCode()) + " at "
                    + assigned.tier().name().toLowerCase(Locale.ROOT) + " tier, to deliver by "
                    + localTime.format(assigned.deadline());
        }
        if (event instanceof OrderAccepted accepted) {
            return "Accepted by " + Team.nameOf(accepted.teamCode());
        }
        if (event instanceof OrderCompleted completed) {
            return "Completed by " + Team.nameOf(completed.teamCode()) + " with "
                    + completed.volunteerHours().stripTrailingZeros().toPlainString() + " volunteer hours";
        }
        OrderRated rated = (OrderRated) event;
        return "Rated " + rated.score() + " of 5";
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
