package io.feiyan.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s a real Kafka broker and a real PostgreSQL database of their
 * own, in a temporary folder, for the length of the module's test run. Name the database with the
 * resource argument {@code database}.
 */
public class FeiyanTestResource implements QuarkusTestResourceLifecycleManager {
    private Path workDir;
    private EmbeddedKafka kafka;
    private EmbeddedDatabase database;
    private String databaseName;

    @Override
    public void init(Map<String, String> initArgs) {
        databaseName = initArgs.getOrDefault("database", "feiyan");
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("feiyan-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = EmbeddedDatabase.start(workDir.resolve("postgres"), 0, EmbeddedDatabase.Durability.FAST)
                .ensureDatabase(databaseName);
        kafka = EmbeddedKafka.start(workDir.resolve("kafka"), 0);
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(databaseName),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
        Folders.deleteQuietly(workDir);
    }
}
