package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.metrics.DispatchMetrics;
import io.feiyan.events.OrderEscalated;
import io.feiyan.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The team accepted the case and did not deliver by the deadline: the tier above is told, once; the team keeps it. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OverdueDeliveries implements DeadlineSweeper.Deadline {
    private final Outbox outbox;
    private final DispatchMetrics metrics;
    private final CaseRouting routing;

    OverdueDeliveries(Outbox outbox, DispatchMetrics metrics, CaseRouting routing) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.routing = routing;
    }

    @Override
    public String passed() {
        return "status = 'ACCEPTED' and deadline < ?1 and not deadline_escalated order by deadline";
    }

    @Override
    public void actOn(DispatchCase c, Instant now) {
        OrderEscalated overdue = c.deadlinePassed(now);
        outbox.publish(overdue);
        metrics.escalated(overdue);
        DecisionLog.overdue(overdue);
        routing.changed(c);
    }
}
