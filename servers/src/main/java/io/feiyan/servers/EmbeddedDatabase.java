package io.feiyan.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (binaries from Maven Central) with its files in a folder of your choice,
 * holding one database per service. {@link Durability#DURABLE} keeps fsync and synchronous commit on,
 * as a user's data needs; {@link Durability#FAST} turns them off, which only tests can afford.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    public enum Durability { DURABLE, FAST }

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on the given port (0 for any free port), its files under {@code dataDir}. */
    public static EmbeddedDatabase start(Path dataDir, int port, Durability durability) {
        String sync = durability == Durability.DURABLE ? "on" : "off";
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port == 0 ? Ports.free() : port)
                    .setServerConfig("fsync", sync)
                    .setServerConfig("synchronous_commit", sync)
                    .setServerConfig("full_page_writes", sync)
                    .setServerConfig("max_connections", "200")
                    // what a DBA sets for a small server shared with the services (docs/running.md "PostgreSQL
                    // settings"): shared buffers for the hot pages (the operating system caches the rest),
                    // compressed WAL, checkpoints spaced out (fewer full-page writes)
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("wal_buffers", "16MB")
                    .setServerConfig("wal_compression", "on")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("max_wal_size", "2GB")
                    .setServerConfig("effective_cache_size", "1GB")
                    // what each statement costs, as any DBA keeps: the benchmark's profile reads it
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    /** Creates the database if it does not exist yet. */
    public EmbeddedDatabase ensureDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("create database \"" + name + "\"");
                }
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    /** The address of a database of the PostgreSQL server on this machine's port, as the services are given it. */
    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
