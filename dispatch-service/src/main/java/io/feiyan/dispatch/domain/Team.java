package io.feiyan.dispatch.domain;

import io.feiyan.events.TeamUpdated;
import io.feiyan.platform.directory.TeamCopy;
import jakarta.persistence.Entity;

/** dispatch's copy of a team, kept from team-service's TeamUpdated events: what routing decides on. */
@Entity
public class Team extends TeamCopy {

    public static void save(TeamUpdated update) {
        Team team = findById(update.teamCode());
        if (team == null) {
            team = new Team();
        }
        team.apply(update);
        team.persist();
    }
}
