package io.feiyan.testkit;

import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.EmbeddedKafka;
import io.feiyan.servers.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The embedded servers (module servers), in a temporary folder of their own, deleted when closed. */
final class EmbeddedInfrastructure implements TestInfrastructure {
    private Path workDir;
    private EmbeddedKafka kafka;
    private EmbeddedDatabase database;

    @Override
    public Endpoints start(String databaseName) {
        try {
            workDir = Files.createTempDirectory("feiyan-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // PostgreSQL (a process of its own) starts while the broker does
        CompletableFuture<EmbeddedDatabase> postgres = CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(
                workDir.resolve("postgres"), 0, EmbeddedDatabase.Durability.FAST).ensureDatabase(databaseName));
        kafka = EmbeddedKafka.start(workDir.resolve("kafka"), 0);
        try {
            database = postgres.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return new Endpoints(database.jdbcUrl(databaseName), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD,
                kafka.bootstrapServers());
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
        Folders.deleteQuietly(workDir);
    }
}
