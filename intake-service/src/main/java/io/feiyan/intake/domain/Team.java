package io.feiyan.intake.domain;

import io.feiyan.events.TeamUpdated;
import io.feiyan.platform.directory.TeamCopy;
import jakarta.persistence.Entity;

/** intake's copy of a team, kept from team-service's TeamUpdated events: to name teams, and for the menu. */
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

    /** The team's name, for timelines; its code while its directory entry has not arrived. */
    public static String nameOf(String code) {
        Team team = findById(code);
        return team == null ? code : team.name;
    }
}
