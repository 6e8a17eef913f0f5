package io.feiyan.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A gauge per status of an aggregate, e.g. {@code feiyan_orders{status="PLACED"}}: how many there are in each now,
 * counted by one query of the service's own database (rows of status and count), at most once per
 * {@code feiyan.metrics.max-age}. Every status of the enum has its gauge, at 0 when none is in it.
 */
public final class CountsByStatus {
    private CountsByStatus() {
    }

    public static <S extends Enum<S>> void register(MeterRegistry registry, String name, String description,
            Class<S> statuses, DataSource database, String countByStatus, Duration maxAge) {
        Snapshot<Map<String, Long>> counts = new Snapshot<>(() -> query(database, countByStatus), maxAge);
        for (S status : statuses.getEnumConstants()) {
            Gauge.builder(name, () -> counts.get().getOrDefault(status.name(), 0L))
                    .description(description)
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    private static Map<String, Long> query(DataSource database, String countByStatus) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(countByStatus)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count by status: " + e.getMessage(), e);
        }
        return counts;
    }
}
