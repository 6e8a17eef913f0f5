package io.feiyan.team.domain;

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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A volunteer team: where it serves, at which tier, which projects it offers, and how much it can carry. */
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
    /** How many open orders the team can hold at once. */
    public int capacity;
    public boolean active = true;
    /** The volunteer who leads the team. */
    public UUID leaderId;

    public TeamUpdated toEvent() {
        return new TeamUpdated(code, name, tier, regionCode, List.copyOf(projectCodes), capacity, active);
    }
}
