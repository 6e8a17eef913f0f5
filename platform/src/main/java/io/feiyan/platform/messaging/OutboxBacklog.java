package io.feiyan.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/** The events not yet sent to Kafka: how many, and since when. Readiness and the metrics both read it here. */
@ApplicationScoped
public class OutboxBacklog {
    private final DataSource dataSource;

    OutboxBacklog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many events wait, and when the oldest of them happened (null when none waits). */
    public record Backlog(long unsent, Instant oldest) {
        /** How long the oldest has waited; zero when none waits. */
        public Duration age(Instant now) {
            return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
        }
    }

    /** Read now, in a connection of its own (no transaction needed, from any thread that may block). */
    public Backlog now() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select count(*), min(occurred_at) from outbox")) {
            row.next();
            Timestamp oldest = row.getTimestamp(2);
            return new Backlog(row.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox: " + e.getMessage(), e);
        }
    }
}
