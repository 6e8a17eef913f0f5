package io.feiyan.launcher.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.feiyan.servers.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Backups of a PostgreSQL server's databases into a folder: each database a gzipped {@link DatabaseDump}
 * ({@code <database>.sql.gz}) and a {@code manifest.json} saying when, of what, and how much. A backup is written
 * into {@code <folder>.partial} and renamed when whole, so a folder named as a backup always holds one.
 */
public final class Backups {
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    /** What a backup holds. */
    public record Manifest(Instant started, Instant finished, String postgres, List<Database> databases) {
        /**
         * One database: its file, its size, its rows per table, and the version of the last migration Flyway applied
         * to it (null for a database Flyway did not make: Keycloak's).
         */
        public record Database(String name, String file, long bytes, long rows, Map<String, Long> rowsByTable,
                String lastMigration, double seconds) {
        }

        public Database database(String name) {
            return databases.stream().filter(database -> database.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the backup holds no database " + name
                            + "; it holds " + databases.stream().map(Database::name).toList()));
        }

        public static Manifest of(Path backup) {
            try {
                return JSON.readValue(backup.resolve(MANIFEST).toFile(), Manifest.class);
            } catch (IOException e) {
                throw new UncheckedIOException("no readable backup in " + backup, e);
            }
        }
    }

    private final int port;
    private final PrintStream progress;

    /** Backups of the server on this machine's port, with a line of progress for each database. */
    public Backups(int port, PrintStream progress) {
        this.port = port;
        this.progress = progress;
    }

    /** Backs the databases up into the folder, which must not exist yet; returns what it holds. */
    public Manifest backUp(List<String> databases, Path folder) throws IOException, SQLException {
        if (Files.exists(folder)) {
            throw new IllegalArgumentException(folder + " exists already: a backup goes into a new folder");
        }
        Path partial = folder.resolveSibling(folder.getFileName() + ".partial");
        Files.createDirectories(partial);
        Instant started = Instant.now();
        List<Manifest.Database> written = new ArrayList<>();
        String version = null;
        for (String database : databases) {
            long began = System.nanoTime();
            String file = database + ".sql.gz";
            DatabaseDump.Written dump;
            String lastMigration;
            try (Connection connection = connect(database);
                    OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial.resolve(file)), 1 << 16)) {
                version = DatabaseDump.one(connection, "show server_version");
                lastMigration = lastMigration(connection);
                dump = DatabaseDump.write(connection, out);
            }
            Manifest.Database done = new Manifest.Database(database, file, Files.size(partial.resolve(file)),
                    dump.rows(), dump.rowsByTable(), lastMigration, seconds(began));
            written.add(done);
            progress.printf("  %-13s %,11d rows in %3d tables, %,7.1f MB, %5.1f s%n", database, done.rows(),
                    done.rowsByTable().size(), done.bytes() / 1e6, done.seconds());
        }
        Manifest manifest = new Manifest(started, Instant.now(), version, written);
        JSON.writeValue(partial.resolve(MANIFEST).toFile(), manifest);
        Files.move(partial, folder);
        return manifest;
    }

    /**
     * Puts each database back as the backup holds it: the database is dropped (its connections closed), made again,
     * and read from the backup in one transaction; then its rows are counted against the manifest.
     */
    public void restore(Path folder, List<String> databases) throws IOException, SQLException {
        Manifest manifest = Manifest.of(folder);
        for (String name : databases) {
            Manifest.Database database = manifest.database(name);
            long began = System.nanoTime();
            try (Connection server = connect("postgres"); Statement statement = server.createStatement()) {
                statement.execute("drop database if exists \"" + name + "\" with (force)");
                statement.execute("create database \"" + name + "\"");
            }
            try (Connection connection = connect(name);
                    InputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve(database.file())), 1 << 16)) {
                DatabaseDump.read(in, connection);
                requireRowsAsBackedUp(connection, database);
            }
            progress.printf("  %-13s %,11d rows restored, %5.1f s%n", name, database.rows(), seconds(began));
        }
    }

    private static void requireRowsAsBackedUp(Connection connection, Manifest.Database database) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String table : database.rowsByTable().keySet()) {
            found.put(table, Long.parseLong(DatabaseDump.one(connection, "select count(*) from " + table)));
        }
        if (!found.equals(database.rowsByTable())) {
            throw new IllegalStateException("database " + database.name() + " was restored with " + found
                    + " rows, where the backup has " + database.rowsByTable());
        }
    }

    /** The version of the last migration Flyway applied, or null for a database Flyway did not make. */
    private static String lastMigration(Connection connection) throws SQLException {
        String table = DatabaseDump.one(connection, "select to_regclass('flyway_schema_history')::text");
        return table == null ? null : DatabaseDump.one(connection, """
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""");
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(port, database), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
    }

    private static double seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toMillis() / 1000.0;
    }
}
