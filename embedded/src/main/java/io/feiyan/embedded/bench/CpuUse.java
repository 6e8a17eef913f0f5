package io.feiyan.embedded.bench;

import io.feiyan.embedded.FeiyanService;
import io.feiyan.embedded.FeiyanSystem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Of the services' CPU, what their JIT compilers used: not a part of its own, so not in "all". */
    static final String JIT = "of which the services' JIT";
    /** The kernel's clock ticks a second (USER_HZ), in which /proc counts CPU time. */
    private static final long CLOCK_TICKS = 100;

    private final Map<String, Duration> used;

    private CpuUse(Map<String, Duration> used) {
        this.used = used;
    }

    static CpuUse now(FeiyanSystem system) {
        Map<String, Duration> used = new LinkedHashMap<>();
        Duration compiling = Duration.ZERO;
        for (FeiyanService service : FeiyanService.values()) {
            ProcessHandle process = system.instance(service).process();
            used.put(service.moduleName(), cpu(process));
            compiling = compiling.plus(compiling(process));
        }
        used.put(POSTGRES, ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .map(CpuUse::cpu).reduce(Duration.ZERO, Duration::plus));
        used.put(BENCH, cpu(ProcessHandle.current()));
        used.put(JIT, compiling);
        return new CpuUse(used);
    }

    /**
     * CPU the process's JIT compiler threads have used (Linux: /proc/PID/task/TID), counted in its total too: when
     * it is small in a window, the services ran compiled code.
     */
    private static Duration compiling(ProcessHandle process) {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(process.pid()),
                "task"))) {
            for (Path thread : threads) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(thread.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Duration.ZERO; // no /proc here: not counted
        }
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS);
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
