package io.feiyan.dispatch.service;

import io.feiyan.dispatch.domain.Team;
import io.feiyan.events.RegionCode;
import io.feiyan.events.Tier;
import io.feiyan.platform.messaging.SqlTime;
import io.feiyan.routing.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The teams' loads ({@link Team#openOrders}, {@link Team#lastAssignedAt}): read with the candidates a case is routed
 * among, and changed only by this class's statements, each one atomic on the team's row, never through the entity.
 * A place is taken with {@code where open_orders < capacity}, the check and the reservation in one statement, so
 * routings running at once that chose the same team take its last places one at a time. None of the statements
 * flushes first: the loads are on the rows already.
 */
@ApplicationScoped
public class TeamLoads {
    private final EntityManager entityManager;

    TeamLoads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The active teams of the village, its town and its county that offer one of the projects, with their loads now:
     * the rows routing decides on, in one statement, however large the county and however many cases it has seen.
     * Read as values, not entities, so a team already loaded in the transaction is read afresh.
     */
    public List<Routing.Team> near(String villageCode, Set<String> projects) {
        if (projects.isEmpty()) {
            return new ArrayList<>();
        }
        RegionCode village = RegionCode.of(villageCode);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select code, tier, region_code, array_to_string(project_codes, ','), capacity, open_orders,
                        last_assigned_at from team
                        where active and region_code in (?1, ?2, ?3) and project_codes && string_to_array(?4, ',')""")
                .setParameter(1, village.value())
                .setParameter(2, village.at(Tier.TOWN).value())
                .setParameter(3, village.at(Tier.COUNTY).value())
                .setParameter(4, String.join(",", projects)) // codes have no commas (team-service: letters, digits, - and _)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        List<Routing.Team> teams = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            teams.add(new Routing.Team((String) row[0], Tier.valueOf((String) row[1]), (String) row[2], true,
                    // a team may name a project twice (team-service keeps the list as given): Set.copyOf takes that
                    Set.copyOf(Arrays.asList(((String) row[3]).split(","))), ((Number) row[4]).intValue(),
                    ((Number) row[5]).longValue(),
                    row[6] == null ? null : SqlTime.instant(row[6])));
        }
        return teams;
    }

    /** Takes a place at the team if it has room: its open orders one more, and now its last assignment. */
    public boolean takeIfRoom(String team) {
        return take(team, " and open_orders < capacity");
    }

    /** Takes a place at the team whatever its load: an operator's choice. */
    public void take(String team) {
        take(team, "");
    }

    /**
     * The team was given an order in an activity it holds a place for: no place taken, but it was given one now (the
     * rule shares work among equally loaded teams by their last assignment).
     */
    public void givenInActivity(String team) {
        entityManager.createNativeQuery("update team set last_assigned_at = ?1 where code = ?2")
                .setParameter(1, Instant.now())
                .setParameter(2, team)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
    }

    private boolean take(String team, String onlyIf) {
        return entityManager.createNativeQuery("update team set open_orders = open_orders + 1, last_assigned_at = ?1"
                        + " where code = ?2" + onlyIf)
                .setParameter(1, Instant.now())
                .setParameter(2, team)
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate() == 1;
    }

    /** Gives back a place at each of the teams (a case left, completed or was withdrawn from them). */
    public void giveBack(Collection<String> teams) {
        for (String team : teams) {
            entityManager.createNativeQuery("update team set open_orders = open_orders - 1 where code = ?1"
                            + " and open_orders > 0")
                    .setParameter(1, team)
                    .setFlushMode(FlushModeType.COMMIT)
                    .executeUpdate();
        }
    }
}
