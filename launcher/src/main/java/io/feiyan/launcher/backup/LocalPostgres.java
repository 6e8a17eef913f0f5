package io.feiyan.launcher.backup;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.servers.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The local run's PostgreSQL for the backup tools: the one running, or, while the local run is stopped, one started
 * on its data folder for as long as the tool needs it.
 */
final class LocalPostgres implements AutoCloseable {
    final Path data;
    final int port;
    private final EmbeddedDatabase startedHere;

    private LocalPostgres(Path data, int port, EmbeddedDatabase startedHere) {
        this.data = data;
        this.port = port;
        this.startedHere = startedHere;
    }

    /** The local run's settings: FEIYAN_DATA (./data) and FEIYAN_POSTGRES_PORT (5433), as deploy/run-local.sh. */
    static LocalPostgres open(PrintStream progress) {
        Path data = Path.of(System.getenv().getOrDefault("FEIYAN_DATA", "data")).toAbsolutePath().normalize();
        int port = Integer.parseInt(System.getenv().getOrDefault("FEIYAN_POSTGRES_PORT", "5433"));
        if (answers(port)) {
            return new LocalPostgres(data, port, null);
        }
        Path files = data.resolve("postgres");
        if (!Files.isDirectory(files)) {
            throw new IllegalStateException("no local run's data in " + data + " (FEIYAN_DATA)");
        }
        progress.printf("PostgreSQL is not running: starting it on %s for now%n", files);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        return new LocalPostgres(data, port, EmbeddedDatabase.start(files, port, EmbeddedDatabase.Durability.DURABLE));
    }

    /** The services of the local run answering on their ports. */
    static List<FeiyanService> servicesRunning() {
        return Arrays.stream(FeiyanService.values()).filter(service -> answers(service.defaultPort())).toList();
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (startedHere != null) {
            startedHere.close();
        }
    }
}
