package io.feiyan.bench;

import io.feiyan.launcher.FeiyanSystem;
import java.util.List;
import java.util.stream.Stream;

/** The system's processes that are not a service's: PostgreSQL's, and Keycloak's (its start script and JVM). */
final class SystemProcesses {
    private SystemProcesses() {
    }

    /** Every PostgreSQL process on the machine: the postmaster and its children. */
    static List<ProcessHandle> postgres() {
        return ProcessHandle.allProcesses().filter(SystemProcesses::isPostgres).toList();
    }

    static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
    }

    /** Keycloak's processes, none when the system uses a Keycloak it did not start. */
    static Stream<ProcessHandle> keycloak(FeiyanSystem system) {
        if (system.keycloak() == null) {
            return Stream.empty();
        }
        ProcessHandle keycloak = system.keycloak().process();
        return Stream.concat(Stream.of(keycloak), keycloak.descendants());
    }
}
