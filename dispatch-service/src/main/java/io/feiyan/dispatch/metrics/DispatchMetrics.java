package io.feiyan.dispatch.metrics;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.events.OrderEscalated;
import io.feiyan.events.OrderEscalated.EscalationReason;
import io.feiyan.events.Tier;
import io.feiyan.platform.observability.CountsByStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dispatch's metrics: {@code feiyan_cases{status}}, how many cases stand in each status now, and
 * {@code feiyan_escalations_total{reason,to_tier}}, the orders sent up a tier and why.
 */
@ApplicationScoped
public class DispatchMetrics {
    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    DispatchMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    void register(@Observes StartupEvent startup, DataSource database,
            @ConfigProperty(name = "feiyan.metrics.max-age") Duration maxAge) {
        CountsByStatus.register(registry, "feiyan.cases", "Dispatch cases by status", CaseStatus.class, database,
                "select status, count(*) from dispatch_case group by status", maxAge);
        // every series from the start, at 0, so a rate over them is right from the first escalation
        for (EscalationReason reason : EscalationReason.values()) {
            Arrays.stream(Tier.values()).skip(1).forEach(tier -> escalations(reason, tier));
        }
    }

    /** Counts the escalation once the transaction that publishes it commits. */
    public void escalated(OrderEscalated escalated) {
        Counter counter = escalations(escalated.reason(), escalated.toTier());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }

    private Counter escalations(EscalationReason reason, Tier toTier) {
        return Counter.builder("feiyan.escalations")
                .description("Orders sent up a tier, by why and to which tier")
                .tag("reason", reason.name())
                .tag("to_tier", toTier.name())
                .register(registry);
    }
}
