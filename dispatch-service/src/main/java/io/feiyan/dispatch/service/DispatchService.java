package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.CaseStatus;
import io.feiyan.dispatch.domain.DispatchCase;
import io.feiyan.dispatch.domain.Project;
import io.feiyan.dispatch.domain.Routing;
import io.feiyan.dispatch.domain.Team;
import io.feiyan.events.OrderPlaced;
import io.feiyan.platform.messaging.Outbox;
import io.feiyan.platform.rest.Problem;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Review and dispatch (审核, 派单): every placed order becomes a case, routed as soon as a team can take it. */
@ApplicationScoped
@Transactional
public class DispatchService {
    private final Outbox outbox;
    private final EntityManager entityManager;

    DispatchService(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /** Opens the order's case and routes it; an order seen before changes nothing. */
    public void open(OrderPlaced placed) {
        if (DispatchCase.findById(placed.orderId()) != null) {
            return;
        }
        DispatchCase c = DispatchCase.open(placed, Instant.now());
        c.persist();
        route(c);
    }

    /** Routes the waiting cases again, oldest first: the directory or catalogue has changed. */
    public void retryWaiting() {
        List<DispatchCase> waiting = DispatchCase.list("status", Sort.by("placedAt"), CaseStatus.WAITING);
        waiting.forEach(this::route);
    }

    public void cancel(UUID orderId) {
        DispatchCase c = DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (c != null) {
            c.cancel(Instant.now());
        }
    }

    public void advance(UUID orderId, CaseStatus reached) {
        DispatchCase c = DispatchCase.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        if (c != null) {
            c.advanceTo(reached, Instant.now());
        }
    }

    public DispatchCase get(UUID orderId) {
        DispatchCase c = DispatchCase.findById(orderId);
        if (c == null) {
            throw Problem.notFound("case", orderId).exception();
        }
        return c;
    }

    public List<DispatchCase> list(CaseStatus status) {
        return status == null
                ? DispatchCase.listAll(Sort.descending("placedAt"))
                : DispatchCase.list("status", Sort.descending("placedAt"), status);
    }

    public List<Team> teams() {
        return Team.listAll(Sort.by("code"));
    }

    private void route(DispatchCase c) {
        if (c.status != CaseStatus.WAITING) {
            return; // free-text needs wait for review; withdrawn orders go nowhere
        }
        Project project = Project.findById(c.projectCode);
        if (project == null || !project.active) {
            return; // not approved until the catalogue knows the project
        }
        List<Team> offering = Team.list("active = true and array_contains(projectCodes, ?1)", c.projectCode);
        Routing.choose(c.villageCode, c.projectCode, offering, openOrdersByTeam())
                .ifPresent(team -> outbox.publish(c.assignTo(team, Instant.now())));
    }

    private Map<String, Long> openOrdersByTeam() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select team_code, count(*) from dispatch_case
                where status in ('ASSIGNED', 'ACCEPTED') group by team_code""").getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }
}
