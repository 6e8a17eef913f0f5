package io.feiyan.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s a real Kafka broker and a real PostgreSQL database of their
 * own, in a temporary folder, for the length of the module's test run, and a token signing key the
 * service trusts. Name the database with the resource argument {@code database}.
 */
public class FeiyanTestResource implements QuarkusTestResourceLifecycleManager {
    /** The folder of the signing key pair, for tests to sign tokens with {@code Tokens.in(Path.of(...))}. */
    public static final String TOKEN_KEYS = "feiyan.test.token-keys";

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
        Path keys = workDir.resolve("keys");
        Tokens.in(keys);
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(databaseName),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "mp.jwt.verify.publickey.location", Tokens.publicKey(keys).toUri().toString(),
                TOKEN_KEYS, keys.toString());
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
