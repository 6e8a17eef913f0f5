package io.feiyan.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer has been retrying a batch that failed for a passing reason (the database away, say) for
 * longer than {@code feiyan.consumers.max-retrying}: its events wait, none is lost, and the data says which. Nor
 * before the service knows whether its database was restored ({@link RestoreCheck}), the first moment of its start.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {
    private final Inbox inbox;
    private final CatchingUp catchingUp;
    private final Duration maxRetrying;

    ConsumerHealthCheck(Inbox inbox, CatchingUp catchingUp,
            @ConfigProperty(name = "feiyan.consumers.max-retrying") Duration maxRetrying) {
        this.inbox = inbox;
        this.catchingUp = catchingUp;
        this.maxRetrying = maxRetrying;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumers").up();
        if (!catchingUp.isChecked()) {
            response.down().withData("restored from a backup", "not known yet");
        }
        Instant now = Instant.now();
        inbox.retrying().forEach((channel, since) -> {
            long seconds = Duration.between(since, now).toSeconds();
            response.withData(channel + " retrying for seconds", seconds);
            if (Duration.between(since, now).compareTo(maxRetrying) > 0) {
                response.down();
            }
        });
        return response.build();
    }
}
