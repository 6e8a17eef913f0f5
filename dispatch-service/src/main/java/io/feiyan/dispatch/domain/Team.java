package io.feiyan.dispatch.domain;

import io.feiyan.events.TeamUpdated;
import io.feiyan.platform.directory.TeamCopy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import java.time.Instant;

/** dispatch's copy of a team, kept from team-service's TeamUpdated events: what routing decides on. */
@Entity
public class Team extends TeamCopy {
    /**
     * The team's load: its open orders (cases assigned to it or accepted) and when it was last given one. Read here,
     * never written through the entity (a stale copy would undo a routing's place): only the statements of
     * {@code TeamLoads} change them, atomically on the row.
     */
    @Column(insertable = false, updatable = false)
    public int openOrders;
    @Column(insertable = false, updatable = false)
    public Instant lastAssignedAt;

    public static void save(TeamUpdated update) {
        Team team = findById(update.teamCode());
        if (team == null) {
            team = new Team();
        }
        team.apply(update);
        team.persist();
    }
}
