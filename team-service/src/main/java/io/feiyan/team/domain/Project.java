package io.feiyan.team.domain;

import io.feiyan.events.HouseholdTag;
import io.feiyan.events.ProjectUpdated;
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

/** A service project of the catalogue, such as Peking opera for the elderly, in a category such as CULTURE. */
@Entity
public class Project extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String category;
    /** The household situations the project is built for. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> aimedAt = new ArrayList<>();
    /** The tier that normally serves the project; null when any may. */
    @Enumerated(EnumType.STRING)
    public Tier servedAt;
    public boolean active = true;
    /** How many residents one visit can serve: 1, each alone; an opera on the village square, many. */
    public int perVisit = 1;
    /** Where the residents of one visit live: their village, or their town. */
    @Enumerated(EnumType.STRING)
    public Tier gathersAt = Tier.VILLAGE;

    public ProjectUpdated toEvent() {
        return new ProjectUpdated(code, name, category, aimedAt.stream().map(HouseholdTag::valueOf).toList(), active,
                perVisit, gathersAt);
    }
}
