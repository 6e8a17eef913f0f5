package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Routes waiting cases again, oldest first, when something they waited for may have changed: the directory or the
 * catalogue, a team's room, or the project a case named reaching this copy of the catalogue. Each case is locked
 * first. In a consumer's batch, the teams given room are gathered and their unserved cases looked up once, when the
 * batch has been applied ({@link #batchEnds}): most batches find none, in one query. An order placed in the same
 * batch may so take a room before an unserved case does, which is routed again when the next room is made.
 */
@ApplicationScoped
@Transactional
public class RoutingRetries {
    private final EntityManager entityManager;
    private final CaseRouting routing;
    private final Catalogue catalogue;
    private final Outbox outbox;
    /** The teams a consumer's batch gave room. */
    private final BatchGathering<String> batch;

    RoutingRetries(EntityManager entityManager, CaseRouting routing, Catalogue catalogue, Outbox outbox,
            TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.routing = routing;
        this.catalogue = catalogue;
        this.batch = new BatchGathering<>(transactions);
    }

    /** A consumer's batch begins, in its transaction: the teams it gives room are retried by {@link #batchEnds}. */
    public void batchBegins() {
        batch.begin();
    }

    /**
     * A consumer's batch has been applied: the unserved cases the teams it gave room could serve are routed again,
     * if any case waits unserved at all (its changes written first, so that a case it left unserved is found).
     */
    public void batchEnds() {
        Set<String> teams = batch.end();
        if (teams.isEmpty()) {
            return;
        }
        entityManager.flush();
        boolean anyUnserved = !entityManager.createNativeQuery(
                        "select 1 from dispatch_case where status = 'WAITING' and unserved limit 1")
                .setFlushMode(FlushModeType.COMMIT).getResultList().isEmpty();
        if (anyUnserved) {
            teams.forEach(this::unservedFor);
        }
    }


    /**
     * After the directory or catalogue changed: a new or changed team may serve any waiting case, unserved ones
     * included. Cases another instance holds are skipped.
     */
    public void waiting() {
        skippingLocked("status = 'WAITING'");
    }

    /**
     * The waiting cases not yet marked unserved: one whose project reached this copy of the catalogue just after the
     * case itself would otherwise wait for the next change of the directory. Unserved cases change only with the
     * directory, which retries them itself ({@link #waiting}). Cases another instance holds are skipped.
     *
     * <p>First, the cases opened while the service caught up after a restore that need no review and that no approval
     * came back for (in review with no reason to be: its rule decided nothing meanwhile, {@link HeardDecisions}) are
     * approved, to be routed with the others.
     */
    public void notYetRouted() {
        @SuppressWarnings("unchecked")
        List<UUID> unapproved = entityManager.createNativeQuery("""
                select order_id from dispatch_case where status = 'IN_REVIEW' and review_reason is null
                order by placed_at for update skip locked""", UUID.class).getResultList();
        for (UUID id : unapproved) {
            outbox.publish(DispatchCase.<DispatchCase>findById(id).approve(null, Instant.now()));
        }
        if (!unapproved.isEmpty()) {
            entityManager.flush();
        }
        skippingLocked("status = 'WAITING' and not unserved");
    }

    /**
     * A team has room again: the unserved cases of its region that it could serve are routed again, no others (only
     * its room changed). Unlike the other retries it waits for cases another transaction holds: that one may have
     * routed them on the loads from before this room was made.
     */
    void unservedFor(Collection<String> teams) {
        if (!batch.add(teams)) {
            teams.stream().distinct().forEach(this::unservedFor);
        }
    }

    void unservedFor(String teamCode) {
        Team team = Team.findById(teamCode);
        if (team == null || !team.active || team.projectCodes.isEmpty()) {
            return;
        }
        List<String> categories = List.copyOf(catalogue.activeCategoriesOf(team.projectCodes));
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                select order_id from dispatch_case where status = 'WAITING' and unserved and village_code like ?1
                and (project_code in (?2) or project_code is null and category in (?3))
                order by placed_at for update""", UUID.class)
                .setParameter(1, team.regionCode + "%")
                .setParameter(2, team.projectCodes)
                .setParameter(3, categories.isEmpty() ? List.of("") : categories)
                .getResultList();
        routeAgain(ids);
    }

    private void skippingLocked(String which) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("select order_id from dispatch_case where " + which
                + " order by placed_at for update skip locked", UUID.class).getResultList();
        routeAgain(ids);
    }

    private void routeAgain(List<UUID> ids) {
        for (UUID id : ids) {
            DispatchCase c = DispatchCase.findById(id);
            if (routing.route(c, Routing.Move.ROUTE, null)) {
                routing.changed(c);
            }
        }
    }
}
