package io.feiyan.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A resident the service is for. All of a resident's personal data lives here and only here: other
 * services and every event know the resident by {@link #id} alone.
 */
@Entity
public class Resident extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String phone;
    public String idNumber;
    public String villageCode;
    /** Household situations such as EMPTY_NEST_ELDERLY, for the menu to point out what is meant for them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> householdTags = new ArrayList<>();
    /** Someone to call for the resident: a child working away, a neighbour, the village volunteer. */
    public String guardianName;
    public String guardianPhone;
    public String guardianRelation;
    public Instant createdAt;
}
