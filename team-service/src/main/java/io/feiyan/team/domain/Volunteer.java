package io.feiyan.team.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A volunteer: a village's 飞燕 volunteer, or a member of a town or county team. */
@Entity
public class Volunteer extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String phone;
    public String villageCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> skills = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> teamCodes = new ArrayList<>();
    /** The duty rotation goes in the order volunteers joined. */
    public LocalDate joinedOn;
    public boolean active = true;

    /**
     * Who of a village's volunteers is on duty that day: one each day, in turn (a one-day duty rotation,
     * as Caocun's ten 飞燕 volunteers keep it).
     */
    public static Volunteer onDuty(String villageCode, LocalDate day) {
        List<Volunteer> rota = list("villageCode = ?1 and active = true order by joinedOn, id", villageCode);
        return rota.isEmpty() ? null : rota.get((int) Math.floorMod(day.toEpochDay(), (long) rota.size()));
    }
}
