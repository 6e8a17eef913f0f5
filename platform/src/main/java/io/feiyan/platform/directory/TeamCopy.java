package io.feiyan.platform.directory;

import io.feiyan.events.TeamUpdated;
import io.feiyan.events.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service's own copy of a team of team-service's directory, kept from TeamUpdated events. A service
 * that needs one maps it to a table of its own database by subclassing it as an entity.
 */
@MappedSuperclass
public abstract class TeamCopy extends PanacheEntityBase {
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
    public boolean active;

    /** Takes the team's latest state. */
    public void apply(TeamUpdated update) {
        code = update.teamCode();
        name = update.name();
        tier = update.tier();
        regionCode = update.regionCode();
        projectCodes = new ArrayList<>(update.projectCodes());
        capacity = update.capacity();
        active = update.active();
    }
}
