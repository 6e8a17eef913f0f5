package io.feiyan.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the oldest event not yet sent to Kafka is younger than {@code feiyan.outbox.max-unsent-age}. */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxBacklog outbox;
    private final Duration maxUnsentAge;

    OutboxHealthCheck(OutboxBacklog outbox,
            @ConfigProperty(name = "feiyan.outbox.max-unsent-age") Duration maxUnsentAge) {
        this.outbox = outbox;
        this.maxUnsentAge = maxUnsentAge;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxBacklog.Backlog backlog = outbox.now();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").withData("unsent", backlog.unsent());
        if (backlog.unsent() == 0) {
            return response.up().build();
        }
        Duration age = backlog.age(Instant.now());
        return response.withData("oldestUnsentAgeSeconds", age.toSeconds())
                .status(age.compareTo(maxUnsentAge) <= 0)
                .build();
    }
}
