package io.feiyan.intake.metrics;

import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.platform.observability.CountsByStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code feiyan_orders{status}}: how many orders stand in each status now. */
@ApplicationScoped
class OrderMetrics {
    void register(@Observes StartupEvent startup, MeterRegistry registry, DataSource database,
            @ConfigProperty(name = "feiyan.metrics.max-age") Duration maxAge) {
        CountsByStatus.register(registry, "feiyan.orders", "Orders by status", OrderStatus.class, database,
                "select status, count(*) from orders group by status", maxAge);
    }
}
