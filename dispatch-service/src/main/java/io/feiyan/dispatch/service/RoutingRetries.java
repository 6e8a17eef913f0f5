package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Routes waiting cases again, oldest first, when something they waited for may have changed: the directory or the
 * catalogue, a team's room, or the project a case named reaching this copy of the catalogue. Each case is locked
 * first.
 */
@ApplicationScoped
@Transactional
public class RoutingRetries {
    private final EntityManager entityManager;
    private final CaseRouting routing;
    private final Catalogue catalogue;

    RoutingRetries(EntityManager entityManager, CaseRouting routing, Catalogue catalogue) {
        this.entityManager = entityManager;
        this.routing = routing;
        this.catalogue = catalogue;
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
     */
    public void notYetRouted() {
        skippingLocked("status = 'WAITING' and not unserved");
    }

    /**
     * A team has room again: the unserved cases of its region that it could serve are routed again, no others (only
     * its room changed). Unlike the other retries it waits for cases another transaction holds: that one may have
     * routed them on the loads from before this room was made.
     */
    void unservedFor(Collection<String> teams) {
        teams.stream().distinct().forEach(this::unservedFor);
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
