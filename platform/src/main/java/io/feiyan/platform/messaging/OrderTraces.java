package io.feiyan.platform.messaging;

import io.feiyan.events.CloudEvents;
import io.feiyan.events.Event;
import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * One order, one trace. Every event of an order carries (as its W3C {@code traceparent}) a span of the trace the
 * order was placed in: the current span when the work is in that trace already (a consumer continuing it), else a
 * span started here in the order's trace and linked to the current one (a team lead's request, a deadline sweep).
 * The order's trace is kept on the row each service already has for the order (intake's order, dispatch's case,
 * team's assignment, feedback's order: {@link #current()} when the row is made), which the outbox finds in the
 * transaction's persistence context ({@link KeepsOrderTrace}): no table of traces, no query. So an order's path
 * through every service reads as one trace, and each request that moved it is one link away. Events of reference
 * data carry the current span, if there is one.
 */
@ApplicationScoped
public class OrderTraces {
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private final Tracer tracer;
    private final EntityManager entityManager;
    /** The entities that keep an order's trace, one a service or none; found on first use. */
    private volatile List<EntityPersister> keepers;

    OrderTraces(Tracer tracer, EntityManager entityManager) {
        this.tracer = tracer;
        this.entityManager = entityManager;
    }

    /** The traceparent of the current span, or null when there is none: what a row made now keeps of its trace. */
    public static String current() {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? traceparent(current) : null;
    }

    /** The traceparent of an event published now: for an event of an order, in the order's trace. */
    String forPublishing(Event event) {
        SpanContext current = Span.current().getSpanContext();
        Optional<SpanContext> order = event instanceof OrderEvent about ? parse(kept(about.orderId())) : Optional.empty();
        if (order.isEmpty()) {
            return current.isValid() ? traceparent(current) : null;
        }
        if (current.isValid() && current.getTraceId().equals(order.get().getTraceId())) {
            return traceparent(current);
        }
        SpanBuilder builder = tracer.spanBuilder(EventType.of(event).topic() + " publish")
                .setParent(Context.root().with(Span.wrap(order.get())))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", EventType.of(event).topic());
        if (current.isValid()) {
            builder.addLink(current);
        }
        Span published = builder.startSpan();
        published.end();
        return traceparent(published.getSpanContext());
    }

    /**
     * The trace kept on the order's row if the transaction has loaded or created it (null if not, or if it keeps
     * none): looked up by key in the persistence context, never queried.
     */
    private String kept(UUID orderId) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        for (EntityPersister keeper : keepers(session)) {
            Object row = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(orderId, keeper));
            if (row instanceof KeepsOrderTrace order) {
                return order.orderTrace();
            }
        }
        return null;
    }

    private List<EntityPersister> keepers(SessionImplementor session) {
        if (keepers == null) {
            List<EntityPersister> found = new ArrayList<>();
            session.getFactory().getMappingMetamodel().forEachEntityDescriptor(entity -> {
                if (KeepsOrderTrace.class.isAssignableFrom(entity.getMappedClass())) {
                    found.add(entity);
                }
            });
            keepers = List.copyOf(found);
        }
        return keepers;
    }

    /**
     * The span of handling a consumed record: a child of the span it was published in (its {@code traceparent}), or
     * the first span of a new trace when it carries none.
     */
    Span consuming(ConsumerRecord<?, ?> record, String traceparent) {
        Context parent = parse(traceparent).map(published -> Context.root().with(Span.wrap(published)))
                .orElse(Context.root());
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .startSpan();
    }

    /** The W3C traceparent of a span context, e.g. {@code 00-<trace id>-<span id>-01}. */
    static String traceparent(SpanContext span) {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return carrier.get(CloudEvents.TRACEPARENT);
    }

    /** The span context a traceparent names; empty when it is missing or malformed. */
    static Optional<SpanContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Context context = W3C.extract(Context.root(), Map.of(CloudEvents.TRACEPARENT, traceparent), MAP);
        SpanContext span = Span.fromContext(context).getSpanContext();
        return span.isValid() ? Optional.of(span) : Optional.empty();
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
