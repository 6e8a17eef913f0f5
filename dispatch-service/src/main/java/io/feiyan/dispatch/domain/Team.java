package io.feiyan.dispatch.domain;

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

/** dispatch's copy of a team, kept from team-service's TeamUpdated events: what routing needs to know. */
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
    public int capacity;
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
        team.capacity = update.capacity();
        team.active = update.active();
        team.persist();
    }

    public boolean offers(String projectCode) {
        return active && projectCodes.contains(projectCode);
    }
}
