package io.feiyan.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.Event;
import io.feiyan.events.OrderEvent;
import io.feiyan.platform.messaging.IncomingRecords.Parsed;
import io.feiyan.platform.observability.OrderLog;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The consuming half of the event rules. A service's consumer hands each poll's records to {@link #consume}, which
 * applies them as one batch in one transaction: every well-formed event is parsed, the batch's event ids are claimed
 * in {@code processed_event} in one statement (an id there already is a redelivery, and is skipped), each new
 * event's effect is applied in offset order (so a later record sees an earlier one's effect), the events they cause
 * go to the outbox together, the consumer's position moves past the batch ({@link ConsumerPositions}), and it all
 * commits once.
 *
 * <p>A malformed record goes to the dead-letter topic in that same transaction; its neighbours take effect. When an
 * effect fails for a reason of its own (a broken rule), the batch is rolled back and applied again record by record,
 * so only the failing record is dead-lettered. When it fails for a passing reason (the database restarting, a
 * deadlock) the batch is tried again, with growing pauses, for as long as it takes: a good event is never
 * dead-lettered for a passing reason. Meanwhile the consumer's partitions wait, so per-order order holds, and
 * readiness says so ({@link ConsumerHealthCheck}).
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    /**
     * How many events a batch applies before it writes what they changed and lets go of the entities they loaded:
     * every query flushes after checking each entity the transaction holds for changes, so a batch holding them all
     * would cost the square of its size.
     */
    private static final int FLUSH_EVERY = 32;

    private final EntityManager entityManager;
    private final IncomingRecords incoming;
    private final ProcessedEvents processed;
    private final OrderTraces traces;
    private final Outbox outbox;
    private final DeadLetters deadLetters;
    private final ConsumerPositions positions;
    /** Every channel's handlers: what a replayed dead letter is handled by. */
    private final List<EventHandlers> channels = new CopyOnWriteArrayList<>();
    /** Since when each channel has been retrying a batch that failed for a passing reason. */
    private final Map<String, Instant> retryingSince = new ConcurrentHashMap<>();

    Inbox(EntityManager entityManager, ObjectMapper json, OrderTraces traces, Outbox outbox, DeadLetters deadLetters,
            ConsumerPositions positions) {
        this.entityManager = entityManager;
        this.incoming = new IncomingRecords(json);
        this.processed = new ProcessedEvents(entityManager);
        this.traces = traces;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.positions = positions;
    }

    /** The handlers of a channel whose events each take effect once (claimed in the inbox with their effect). */
    public EventHandlers once(String channel) {
        return add(new EventHandlers(channel, EventHandlers.Delivery.ONCE));
    }

    /** The handlers of a channel of reference data, applied as the latest state of each entry, claiming nothing. */
    public EventHandlers latestState(String channel) {
        return add(new EventHandlers(channel, EventHandlers.Delivery.LATEST_STATE));
    }

    private EventHandlers add(EventHandlers handlers) {
        channels.add(handlers);
        return handlers;
    }

    /**
     * Applies a poll's records, once each, in one transaction (see the class comment). Returns when every record has
     * taken effect or been dead-lettered; the caller then acknowledges them all.
     */
    public void consume(Iterable<ConsumerRecord<String, String>> records, EventHandlers handlers) {
        requireSubscribed(handlers);
        List<Parsed> batch = new ArrayList<>();
        records.forEach(record -> batch.add(incoming.parse(record, handlers)));
        if (batch.isEmpty()) {
            return;
        }
        try {
            untilNoPassingFailure(handlers.channel(), () -> QuarkusTransaction.requiringNew()
                    .run(() -> apply(batch, handlers)));
        } catch (RuntimeException failure) {
            if (batch.size() > 1) {
                LOG.infof("a batch of %d on %s failed (%s): applying it record by record", batch.size(),
                        handlers.channel(), TransientFailures.reason(failure));
            }
            for (Parsed one : batch) {
                applyAlone(one, handlers);
            }
        }
    }

    /**
     * A channel's configured topics ({@code mp.messaging.incoming.<channel>.topics}) must be the topics of the events
     * it handles: a topic missing there would never be heard, and a topic with no handler only dead-letters.
     */
    private static void requireSubscribed(EventHandlers handlers) {
        if (handlers.subscriptionChecked) {
            return;
        }
        Optional<Set<String>> configured = ConfigProvider.getConfig()
                .getOptionalValue("mp.messaging.incoming." + handlers.channel() + ".topics", String.class)
                .map(topics -> Arrays.stream(topics.split(",")).map(String::trim).collect(Collectors.toSet()));
        if (configured.isPresent() && !configured.get().equals(handlers.topics())) {
            throw new IllegalStateException("channel " + handlers.channel() + " handles the events of "
                    + handlers.topics() + " but mp.messaging.incoming." + handlers.channel() + ".topics is "
                    + configured.get());
        }
        handlers.subscriptionChecked = true;
    }

    /**
     * Applies one record in a transaction of its own, or dead-letters it, in another, when its effect fails for a
     * reason of its own. Passing failures are retried as in a batch.
     */
    private void applyAlone(Parsed one, EventHandlers handlers) {
        try {
            untilNoPassingFailure(handlers.channel(), () -> QuarkusTransaction.requiringNew()
                    .run(() -> apply(List.of(one), handlers)));
        } catch (RuntimeException failure) {
            untilNoPassingFailure(handlers.channel(), () -> QuarkusTransaction.requiringNew().run(() -> {
                deadLetters.add(one.record(), handlers.channel(), failure);
                advance(List.of(one), handlers);
            }));
        }
    }

    /** Runs the work until it succeeds or fails for a reason that does not pass. */
    private void untilNoPassingFailure(String channel, Runnable work) {
        long pause = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                retryingSince.remove(channel);
                return;
            } catch (RuntimeException failure) {
                if (!TransientFailures.isTransient(failure)) {
                    retryingSince.remove(channel);
                    throw failure;
                }
                pause = TransientFailures.nextPause(pause);
                retryingSince.putIfAbsent(channel, Instant.now());
                LOG.warnf("%s failed for a passing reason (%s), attempt %d; trying again in %d ms", channel,
                        TransientFailures.reason(failure), attempt, pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopped while waiting to try " + channel + " again", e);
                }
            }
        }
    }

    private void apply(List<Parsed> batch, EventHandlers handlers) {
        handlers.beforeBatch().run();
        Set<String> claimed = handlers.delivery() == EventHandlers.Delivery.ONCE ? processed.claim(batch) : null;
        try (Outbox.Batch published = outbox.batch()) {
            int applied = 0;
            for (Parsed parsed : batch) {
                if (parsed.poison() != null) {
                    deadLetters.add(parsed.record(), handlers.channel(), new PoisonMessageException(parsed.poison()));
                } else if (claimed == null || claimed.remove(ProcessedEvents.key(parsed))) {
                    applyInItsTrace(parsed, handlers);
                    if (++applied % FLUSH_EVERY == 0) {
                        entityManager.flush();
                        entityManager.clear();
                    }
                }
            }
            handlers.afterBatch().run();
            published.write();
        }
        advance(batch, handlers);
    }

    /** A channel whose events take effect once starts again where its database stands: see ConsumerPositions. */
    private void advance(List<Parsed> taken, EventHandlers handlers) {
        if (handlers.delivery() == EventHandlers.Delivery.ONCE) {
            positions.advance(taken.stream().map(Parsed::record).toList());
        }
    }

    /**
     * Applies the event within its order's trace, with its order id in the log context. On a channel whose events take
     * effect once, the events it causes have ids made from its own ({@link Outbox#causedBy}); reference data is
     * applied again at every start, and what it caused would then be taken for repeats.
     */
    private void applyInItsTrace(Parsed parsed, EventHandlers handlers) {
        Span span = traces.consuming(parsed.record(),
                IncomingRecords.optionalHeader(parsed.record(), CloudEvents.TRACEPARENT));
        try (Scope scope = span.makeCurrent()) {
            if (parsed.event().payload() instanceof OrderEvent order) {
                OrderLog.put(order.orderId());
            }
            if (handlers.delivery() == EventHandlers.Delivery.ONCE) {
                try (Outbox.Caused caused = outbox.causedBy(parsed.event().id())) {
                    parsed.handler().apply(parsed.event());
                }
            } else {
                parsed.handler().apply(parsed.event());
            }
        } finally {
            OrderLog.clear();
            span.end();
        }
    }

    /**
     * Applies a dead letter again, alone, as when it first came, and marks it replayed. It takes effect once (an event
     * that took effect meanwhile is skipped, by its id); one that fails again goes back to the dead-letter topic with
     * its new reason. A passing failure is the caller's to report: nothing changed.
     *
     * @return false, doing nothing, when the channel that dead-lettered it is no longer in this service
     */
    boolean replay(DeadLetters.DeadLetter letter) {
        Optional<EventHandlers> channel = channels.stream()
                .filter(handlers -> handlers.channel().equals(letter.channel())).findFirst();
        if (channel.isEmpty()) {
            return false;
        }
        EventHandlers handlers = channel.get();
        Parsed parsed = incoming.parse(letter.asRecord(), handlers);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                deadLetters.replayed(letter.id());
                apply(List.of(parsed), handlers);
            });
        } catch (RuntimeException failure) {
            if (TransientFailures.isTransient(failure)) {
                throw failure;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                deadLetters.replayed(letter.id());
                deadLetters.add(parsed.record(), handlers.channel(), failure);
            });
        }
        return true;
    }

    /** The channels retrying a batch that failed for a passing reason, and since when. */
    Map<String, Instant> retrying() {
        return Map.copyOf(retryingSince);
    }

    /**
     * Parses the record as an event of the given type (its CloudEvents id, time and JSON payload), claiming nothing:
     * for a consumer that reads a topic outside the inbox, as the metrics rebuild does.
     *
     * @throws PoisonMessageException when the record is not a well-formed event of that type
     */
    public <T extends Event> IncomingEvent<T> read(ConsumerRecord<String, String> record, Class<T> type) {
        return incoming.read(record, type);
    }
}
