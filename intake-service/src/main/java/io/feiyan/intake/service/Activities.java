package io.feiyan.intake.service;

import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.Team;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The planned activities — one visit serving several residents — as intake knows them from its orders' assignments
 * and acceptances: for a 飞燕 volunteer adding a resident of her village to one.
 */
@ApplicationScoped
@Transactional
public class Activities {
    private static final List<OrderStatus> PLANNED = List.of(OrderStatus.ASSIGNED, OrderStatus.ACCEPTED);

    private final EntityManager entityManager;

    Activities(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A planned activity: its project, the team that serves it, when it comes (once the team said), and how many
     * residents it serves so far.
     */
    public record Planned(UUID activityId, String projectCode, String teamCode, String teamName, Instant scheduledFor,
            long residents) {
    }

    /** The planned activities of the orders in the scope (a village's, say), the soonest first, unscheduled last. */
    public List<Planned> planned(ResidentAccess.Scope scope) {
        StringBuilder where = new StringBuilder("activityId is not null and status in :planned");
        Parameters parameters = Parameters.with("planned", PLANNED);
        scope.narrow(where, parameters, "residentId");
        List<UUID> ids = Order.<Order>list(where.toString(), parameters).stream().map(o -> o.activityId).distinct()
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createQuery("""
                select o.activityId, max(o.projectCode), max(o.activityTeam), max(o.scheduledFor),
                       count(distinct o.residentId)
                from Order o where o.activityId in :ids and o.status in :planned group by o.activityId""",
                Object[].class)
                .setParameter("ids", ids).setParameter("planned", PLANNED).getResultList();
        return rows.stream().map(row -> new Planned((UUID) row[0], (String) row[1], (String) row[2],
                        Team.nameOf((String) row[2]), (Instant) row[3], (Long) row[4]))
                .sorted(Comparator.comparing(Planned::scheduledFor, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
