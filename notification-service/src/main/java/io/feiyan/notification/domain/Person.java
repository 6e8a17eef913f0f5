package io.feiyan.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Someone who signs in and can be told: who they are (their token's roles, team, region, resident id, taken at each
 * call of theirs) and how they want to be told. Only people who opened the app's notifications are known here.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    public String feiyanId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> roles = new ArrayList<>();
    public String teamCode;
    public String regionCode;
    public UUID residentId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> channels = new ArrayList<>();
    public LocalTime quietFrom;
    public LocalTime quietTo;
    public boolean onDuty;
    public Instant updatedAt;

    public QuietHours quietHours(QuietHours otherwise) {
        return quietFrom == null || quietTo == null ? otherwise : new QuietHours(quietFrom, quietTo);
    }

    public boolean chose(NotificationChannel channel) {
        return channels.contains(channel.name());
    }
}
