package io.feiyan.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
    private final EntityManager entityManager;
    private final Duration maxUnsentAge;

    OutboxHealthCheck(EntityManager entityManager,
            @ConfigProperty(name = "feiyan.outbox.max-unsent-age") Duration maxUnsentAge) {
        this.entityManager = entityManager;
        this.maxUnsentAge = maxUnsentAge;
    }

    @Override
    @Transactional
    public HealthCheckResponse call() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select count(*), min(occurred_at) from outbox where sent_at is null").getSingleResult();
        long unsent = ((Number) row[0]).longValue();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").withData("unsent", unsent);
        if (unsent == 0) {
            return response.up().build();
        }
        Instant oldest = SqlTime.instant(row[1]);
        Duration age = Duration.between(oldest, Instant.now());
        return response.withData("oldestUnsentAgeSeconds", age.toSeconds())
                .status(age.compareTo(maxUnsentAge) <= 0)
                .build();
    }
}
