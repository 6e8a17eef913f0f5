package io.feiyan.platform.messaging;

import io.feiyan.events.Event;
import io.feiyan.events.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What one consumer (one incoming channel of a service) does with each type of event it takes, found by the
 * record's CloudEvents type. Made by {@link Inbox#once} or {@link Inbox#latestState};
 * {@link Inbox#consume} applies a batch of records by it.
 */
public final class EventHandlers {
    /** How a consumer takes its events. */
    public enum Delivery {
        /** Each event takes effect once: its id is claimed in the inbox ({@code processed_event}) with its effect. */
        ONCE,
        /**
         * Reference data: the copy keeps each entry's latest state, so applying an event again does no harm (and a
         * copy is rebuilt by reading its compacted topic again). Nothing is claimed.
         */
        LATEST_STATE
    }

    record Handler<T extends Event>(EventType type, Consumer<IncomingEvent<T>> effect) {
        @SuppressWarnings("unchecked")
        void apply(IncomingEvent<?> event) {
            effect.accept((IncomingEvent<T>) event);
        }
    }

    private final String channel;
    private final Delivery delivery;
    private final Map<String, Handler<?>> byCeType = new LinkedHashMap<>();
    /** Whether its topics were checked against the channel's configuration ({@link Inbox#consume}). */
    volatile boolean subscriptionChecked;
    private Runnable beforeBatch = () -> {
    };
    private Runnable afterBatch = () -> {
    };

    EventHandlers(String channel, Delivery delivery) {
        this.channel = channel;
        this.delivery = delivery;
    }

    public <T extends Event> EventHandlers on(Class<T> type, Consumer<IncomingEvent<T>> effect) {
        EventType eventType = EventType.of(type);
        if (byCeType.putIfAbsent(eventType.ceType(), new Handler<>(eventType, effect)) != null) {
            throw new IllegalArgumentException(channel + " handles " + eventType + " twice");
        }
        return this;
    }

    /** Work to do as a batch's transaction begins, before its first event (each time it is tried). */
    public EventHandlers beforeEachBatch(Runnable work) {
        this.beforeBatch = work;
        return this;
    }

    /** Work to do once a batch has been applied, in its transaction: what a batch's events together call for. */
    public EventHandlers afterEachBatch(Runnable work) {
        this.afterBatch = work;
        return this;
    }

    Runnable beforeBatch() {
        return beforeBatch;
    }

    Runnable afterBatch() {
        return afterBatch;
    }

    public String channel() {
        return channel;
    }

    public Delivery delivery() {
        return delivery;
    }

    /** The topics the channel must subscribe to: one for each type of event it handles. */
    public Set<String> topics() {
        return byCeType.values().stream().map(handler -> handler.type().topic()).collect(Collectors.toUnmodifiableSet());
    }

    Optional<Handler<?>> forCeType(String ceType) {
        return Optional.ofNullable(ceType == null ? null : byCeType.get(ceType));
    }
}
