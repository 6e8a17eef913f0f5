package io.feiyan.platform.messaging;

import io.feiyan.platform.observability.Snapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox's backlog as metrics: {@code feiyan_outbox_unsent}, the events not yet sent to Kafka, and
 * {@code feiyan_outbox_oldest_unsent_seconds}, how long the oldest of them has waited (0 when none waits).
 */
@ApplicationScoped
class OutboxMetrics {
    private final MeterRegistry registry;
    private final OutboxBacklog outbox;
    private final Duration maxAge;

    OutboxMetrics(MeterRegistry registry, OutboxBacklog outbox,
            @ConfigProperty(name = "feiyan.metrics.max-age") Duration maxAge) {
        this.registry = registry;
        this.outbox = outbox;
        this.maxAge = maxAge;
    }

    void register(@Observes StartupEvent startup) {
        Snapshot<OutboxBacklog.Backlog> backlog = new Snapshot<>(outbox::now, maxAge);
        Gauge.builder("feiyan.outbox.unsent", () -> backlog.get().unsent())
                .description("Events in the outbox not yet sent to Kafka")
                .register(registry);
        Gauge.builder("feiyan.outbox.oldest.unsent", () -> backlog.get().age(Instant.now()).toMillis() / 1000.0)
                .description("How long the oldest event not yet sent to Kafka has waited")
                .baseUnit("seconds")
                .register(registry);
    }
}
