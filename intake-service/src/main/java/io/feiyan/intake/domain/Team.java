package io.feiyan.intake.domain;

import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** intake's copy of a team, kept from team-service's TeamUpdated events, to name teams in timelines. */
@Entity
public class Team extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public String regionCode;
    public boolean active;

    public static void save(TeamUpdated update) {
        Team team = findById(update.teamCode());
        if (team == null) {
            team = new Team();
            team.code = update.teamCode();
        }
        team.name = update.name();
        team.tier = update.tier();
        team.regionCode = update.regionCode();
        team.active = update.active();
        team.persist();
    }

    public static String nameOf(String code) {
        Team team = findById(code);
        return team == null ? code : team.name;
    }
}
