package io.feiyan.testkit;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the service under test has published about a key, counted without waiting a fixed while: once its outbox holds
 * nothing for the key (every event it wrote so far has been sent), the topic read to its end holds all there is. What
 * a test asserts happened once, or never, after the request or the consumed event that would have caused it.
 */
public final class Published {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Published() {
    }

    /**
     * The records of the key on the topic, once the service under test (of a {@link FeiyanTest}) has sent everything
     * it holds for the key.
     */
    public static List<ConsumerRecord<String, String>> about(EventProbe probe, String topic, Object key) {
        Config config = ConfigProvider.getConfig();
        return about(probe, topic, key, config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The records of the key on the topic, once the service whose database this is has sent all it holds for the key. */
    public static List<ConsumerRecord<String, String>> about(EventProbe probe, String topic, Object key, String jdbcUrl,
            String user, String password) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> unsent(key, jdbcUrl, user, password) == 0);
        return probe.published(topic).stream().filter(EventProbe.keyed(key)).toList();
    }

    /** The rows of the key the service's outbox holds: written, not yet sent. */
    private static long unsent(Object key, String jdbcUrl, String user, String password) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement count = db.prepareStatement("select count(*) from outbox where aggregateid = ?")) {
            count.setString(1, key.toString());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
