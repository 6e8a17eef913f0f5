package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.platform.messaging.CatchingUp;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Once dispatch has caught up after a restore, it decides what it left undecided meanwhile: while it caught up its
 * rule decided nothing, and what it had decided came back from its topics ({@link HeardDecisions}). A decision that
 * never came back was never published — lost with the database before its outbox sent it, or due on an event that
 * came in while it caught up — and is made now: an order that needs no review is approved, and every waiting case is
 * routed. Cases another instance holds are skipped (it does the same).
 */
@ApplicationScoped
public class AfterCatchingUp {
    private static final Logger LOG = Logger.getLogger(AfterCatchingUp.class);

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final CaseRouting routing;
    private final RoutingRetries retries;

    AfterCatchingUp(EntityManager entityManager, Outbox outbox, CaseRouting routing, RoutingRetries retries) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.routing = routing;
        this.retries = retries;
    }

    @Transactional
    void caughtUp(@ObservesAsync CatchingUp.CaughtUp caughtUp) {
        // a case in review with no reason to be was opened while catching up, and no approval came back
        @SuppressWarnings("unchecked")
        List<UUID> unapproved = entityManager.createNativeQuery("""
                select order_id from dispatch_case where status = 'IN_REVIEW' and review_reason is null
                order by placed_at for update skip locked""", UUID.class).getResultList();
        for (UUID id : unapproved) {
            DispatchCase c = DispatchCase.findById(id);
            outbox.publish(c.approve(null, Instant.now()));
            routing.route(c, Routing.Move.ROUTE, null);
            routing.changed(c);
        }
        retries.waiting();
        LOG.infof("caught up: approved %d orders no approval came back for, and routed the waiting cases",
                unapproved.size());
    }
}
