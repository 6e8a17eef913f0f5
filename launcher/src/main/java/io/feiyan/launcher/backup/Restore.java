package io.feiyan.launcher.backup;

import io.feiyan.launcher.FeiyanService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code deploy/restore.sh BACKUP [DATABASE...]}: puts the local run's databases back as a backup holds them — all of
 * them, or those named (a database, {@code intake}, or its service, {@code intake-service}). The local run must be
 * stopped: its services would go on with what they hold in memory. When it starts again, each restored service takes
 * again, from Kafka, the events since the backup (docs/backups.md).
 */
public final class Restore {
    private Restore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: deploy/restore.sh BACKUP [DATABASE or SERVICE...] (default: every database)");
            System.exit(2);
        }
        Path folder = Path.of(args[0]).toAbsolutePath().normalize();
        Backups.Manifest manifest = Backups.Manifest.of(folder);
        List<String> databases = args.length == 1
                ? manifest.databases().stream().map(Backups.Manifest.Database::name).toList()
                : Arrays.stream(args, 1, args.length).map(Restore::databaseOf).toList();
        databases.forEach(manifest::database); // every one named is in the backup, before anything is dropped
        List<FeiyanService> running = LocalPostgres.servicesRunning();
        if (!running.isEmpty()) {
            System.err.println("The local run is running (" + running.stream().map(FeiyanService::moduleName).toList()
                    + "): stop it first (Ctrl-C in deploy/run-local.sh), restore, then start it again.");
            System.exit(1);
        }
        long began = System.nanoTime();
        try (LocalPostgres postgres = LocalPostgres.open(System.out)) {
            System.out.printf("Restoring %s of the backup taken %s into the local run (%s)%n", databases,
                    manifest.started(), postgres.data);
            new Backups(postgres.port, System.out).restore(folder, databases);
        }
        System.out.printf("Restored in %.1f s. Start the local run: each restored service takes again the events"
                + " since the backup.%n", Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0);
    }

    /** The database a name means: a database's own name, or its service's. */
    private static String databaseOf(String name) {
        return Arrays.stream(FeiyanService.values()).filter(service -> service.moduleName().equals(name))
                .map(FeiyanService::database).findFirst().orElse(name);
    }
}
