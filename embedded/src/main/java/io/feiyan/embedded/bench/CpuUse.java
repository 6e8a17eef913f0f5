package io.feiyan.embedded.bench;

import io.feiyan.embedded.FeiyanService;
import io.feiyan.embedded.FeiyanSystem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time each part of the system has used so far (user and system, as the operating system counts it): the
 * four services, PostgreSQL (all its processes), and this process (the Kafka broker, the load and the simulated
 * teams). The difference of two readings, divided by the orders placed between them, is what an order costs each.
 */
final class CpuUse {
    static final String POSTGRES = "PostgreSQL";
    static final String BENCH = "Kafka broker, load, simulated teams";

    private final Map<String, Duration> used;

    private CpuUse(Map<String, Duration> used) {
        this.used = used;
    }

    static CpuUse now(FeiyanSystem system) {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (FeiyanService service : FeiyanService.values()) {
            used.put(service.moduleName(), cpu(system.instance(service).process()));
        }
        used.put(POSTGRES, ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .map(CpuUse::cpu).reduce(Duration.ZERO, Duration::plus));
        used.put(BENCH, cpu(ProcessHandle.current()));
        return new CpuUse(used);
    }

    /** Milliseconds of CPU a part used per order between the earlier reading and this one. */
    Map<String, Double> perOrderSince(CpuUse earlier, int orders) {
        return used.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().minus(earlier.used.get(e.getKey())).toNanos() / 1e6 / Math.max(1, orders),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
