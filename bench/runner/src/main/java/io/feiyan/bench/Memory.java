package io.feiyan.bench;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memory each part of the system holds, as the kernel shares it out among processes: the proportional set size
 * ({@code Pss} of /proc/PID/smaps_rollup), so PostgreSQL's shared buffers, mapped by each of its processes, are
 * counted once in all. The Kafka broker runs in the benchmark's own process: its part is that process's, the load's
 * threads and the channels' servers included.
 */
final class Memory {
    static final String KAFKA = "Kafka broker (the benchmark's process)";

    private Memory() {
    }

    /** Bytes by part: each service, PostgreSQL (all its processes), the broker, Keycloak (its script and JVM). */
    static Map<String, Long> now(FeiyanSystem system) {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (FeiyanService service : FeiyanService.values()) {
            parts.put(service.moduleName(), pss(system.instance(service).process()));
        }
        parts.put(CpuUse.POSTGRES, SystemProcesses.postgres().stream().mapToLong(Memory::pss).sum());
        parts.put(KAFKA, pss(ProcessHandle.current()));
        if (system.keycloak() != null) {
            parts.put(CpuUse.KEYCLOAK, SystemProcesses.keycloak(system).mapToLong(Memory::pss).sum());
        }
        return parts;
    }

    private static long pss(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or no /proc here: not counted
        }
        return 0;
    }
}
