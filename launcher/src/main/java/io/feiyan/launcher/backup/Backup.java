package io.feiyan.launcher.backup;

import io.feiyan.launcher.FeiyanSystem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code deploy/backup.sh [FOLDER]}: backs up every database of the local run (the five services' and Keycloak's)
 * into a new folder, by default {@code backups/<UTC time>}, while the system runs or while it is stopped.
 */
public final class Backup {
    private Backup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: deploy/backup.sh [FOLDER (default backups/<UTC time>)]");
            System.exit(2);
        }
        Path folder = Path.of(args.length == 1 ? args[0] : "backups/" + DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now()))
                .toAbsolutePath().normalize();
        long began = System.nanoTime();
        try (LocalPostgres postgres = LocalPostgres.open(System.out)) {
            System.out.printf("Backing up the local run (%s) into %s%n", postgres.data, folder);
            Backups.Manifest manifest = new Backups(postgres.port, System.out)
                    .backUp(FeiyanSystem.databases(), folder);
            long bytes = manifest.databases().stream().mapToLong(Backups.Manifest.Database::bytes).sum();
            System.out.printf("Backed up %d databases, %,.1f MB, in %.1f s: %s%n", manifest.databases().size(),
                    bytes / 1e6, Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0, folder);
        }
    }
}
