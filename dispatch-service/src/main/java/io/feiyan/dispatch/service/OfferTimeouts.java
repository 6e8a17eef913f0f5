package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * A team (or every team of several offered it at once) let its time to accept pass: the case goes on (up a tier, or
 * another team of it), and is routed there; the places it held may serve an unserved case.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OfferTimeouts implements DeadlineSweeper.Deadline {
    private final CaseRouting routing;
    private final RoutingRetries retries;

    OfferTimeouts(CaseRouting routing, RoutingRetries retries) {
        this.routing = routing;
        this.retries = retries;
    }

    @Override
    public String passed() {
        return "status = 'ASSIGNED' and accept_by < ?1 order by accept_by";
    }

    @Override
    public void actOn(DispatchCase c, Instant now) {
        String team = c.teamCode; // of several teams offered it at once, the first: each let its time pass
        String holders = String.join(", ", c.holders());
        c.letPassBy(now);
        DecisionLog.timedOut(c.orderId, holders, now);
        routing.route(c, Routing.Move.TIMED_OUT, team);
        retries.unservedFor(routing.changed(c)); // the teams' places are free again
    }
}
