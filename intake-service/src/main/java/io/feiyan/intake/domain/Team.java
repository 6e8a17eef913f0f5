package io.feiyan.intake.domain;

import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** intake's copy of a team, kept from team-service's TeamUpdated events: to name teams, and for the menu. */
@Entity
public class Team extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public Tier tier;
    public String regionCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> projectCodes = new ArrayList<>();
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
        team.projectCodes = new ArrayList<>(update.projectCodes());
        team.active = update.active();
        team.persist();
    }

    public static String nameOf(String code) {
        Team team = findById(code);
        return team == null ? code : team.name;
    }
}
