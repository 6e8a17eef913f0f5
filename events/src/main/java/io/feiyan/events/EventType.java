package io.feiyan.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of events: for each, its Java type, its topic and its CloudEvents type.
 * The JSON Schema of each lives at {@code contracts/<schema>.json} on the classpath.
 */
public enum EventType {
    ORDER_PLACED(OrderPlaced.class, Topics.ORDERS_PLACED, "feiyan.order.placed.v1", "order"),
    ORDER_APPROVED(OrderApproved.class, Topics.ORDERS_APPROVED, "feiyan.order.approved.v1", "order"),
    ORDER_ASSIGNED(OrderAssigned.class, Topics.ORDERS_ASSIGNED, "feiyan.order.assigned.v1", "order"),
    ORDER_ACCEPTED(OrderAccepted.class, Topics.ORDERS_ACCEPTED, "feiyan.order.accepted.v1", "order"),
    ORDER_DECLINED(OrderDeclined.class, Topics.ORDERS_DECLINED, "feiyan.order.declined.v1", "order"),
    ORDER_ESCALATED(OrderEscalated.class, Topics.ORDERS_ESCALATED, "feiyan.order.escalated.v1", "order"),
    ORDER_REJECTED(OrderRejected.class, Topics.ORDERS_REJECTED, "feiyan.order.rejected.v1", "order"),
    ORDER_COMPLETED(OrderCompleted.class, Topics.ORDERS_COMPLETED, "feiyan.order.completed.v1", "order"),
    ORDER_RATED(OrderRated.class, Topics.ORDERS_RATED, "feiyan.order.rated.v1", "order"),
    ORDER_CANCELLED(OrderCancelled.class, Topics.ORDERS_CANCELLED, "feiyan.order.cancelled.v1", "order"),
    ORDER_REOPENED(OrderReopened.class, Topics.ORDERS_REOPENED, "feiyan.order.reopened.v1", "order"),
    ORDER_UNSERVED(OrderUnserved.class, Topics.ORDERS_UNSERVED, "feiyan.order.unserved.v1", "order"),
    ORDER_CALL_REQUESTED(OrderCallRequested.class, Topics.ORDERS_CALL_REQUESTED, "feiyan.order.call-requested.v1",
            "order"),
    OFFER_WITHDRAWN(OfferWithdrawn.class, Topics.ORDERS_WITHDRAWN, "feiyan.offer.withdrawn.v1", "order"),
    FOLLOW_UP_DUE(FollowUpDue.class, Topics.ORDERS_FOLLOW_UP_DUE, "feiyan.order.follow-up-due.v1", "order"),
    TEAM_UPDATED(TeamUpdated.class, Topics.TEAMS_DIRECTORY, "feiyan.team.updated.v1", "team"),
    PROJECT_UPDATED(ProjectUpdated.class, Topics.CATALOGUE_PROJECTS, "feiyan.project.updated.v1", "project"),
    MENU_PUBLISHED(MenuPublished.class, Topics.CATALOGUE_MENUS, "feiyan.menu.published.v1", "menu");

    private final Class<? extends Event> javaType;
    private final String topic;
    private final String ceType;
    private final String aggregateType;

    EventType(Class<? extends Event> javaType, String topic, String ceType, String aggregateType) {
        this.javaType = javaType;
        this.topic = topic;
        this.ceType = ceType;
        this.aggregateType = aggregateType;
    }

    public Class<? extends Event> javaType() {
        return javaType;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code feiyan.order.placed.v1}. */
    public String ceType() {
        return ceType;
    }

    public String aggregateType() {
        return aggregateType;
    }

    /** Reference data lives on compacted topics: only the latest event per key matters. */
    public boolean compacted() {
        return !"order".equals(aggregateType);
    }

    /**
     * How the topic keeps its messages: reference data compacted to the latest per key; order events for
     * ever, since they are the record the metrics are counted from (and rebuilt from).
     */
    public Map<String, String> topicConfig() {
        return compacted() ? Map.of("cleanup.policy", "compact") : Map.of("retention.ms", "-1");
    }

    /** Where this event's JSON Schema lives on the classpath. */
    public String schemaResource() {
        return "contracts/" + ceType.substring("feiyan.".length()) + ".schema.json";
    }

    public static EventType of(Event event) {
        return of(event.getClass());
    }

    public static EventType of(Class<? extends Event> javaType) {
        for (EventType type : values()) {
            if (type.javaType == javaType) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a Feiyan event: " + javaType.getName());
    }

    /** The event a topic carries: each topic carries one. */
    public static Optional<EventType> onTopic(String topic) {
        return Arrays.stream(values()).filter(type -> type.topic.equals(topic)).findFirst();
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }
}
