package io.feiyan.bench;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The CPU time each part of the system has used so far (user and system, as the operating system counts it): each
 * service's process, PostgreSQL (all its processes), the Kafka broker, and apart from them the benchmark's load,
 * simulated teams and the channels' servers the notifications go to. The broker runs in this process beside the load:
 * the load is the CPU of its threads ({@code bench-*}, the HTTP client's, the local push service's and SMSC's), the
 * broker the rest of the process. The difference of two readings, divided by the orders placed between them, is what
 * an order costs each.
 */
final class CpuUse {
    static final String POSTGRES = "PostgreSQL";
    static final String KAFKA = "Kafka broker";
    /** The identity provider: the system's, but not what an order costs (no order signs in); shown apart. */
    static final String KEYCLOAK = "Keycloak";
    /**
     * Not the system's: the benchmark's load generator and simulated teams, and the push service and SMSC that stand
     * for the browsers' vendors' and the carrier's; shown apart and not in "all".
     */
    static final String LOAD = "load generator, simulated teams, push service and SMSC";
    /**
     * The load's threads by name: the benchmark's own, the HTTP client's, the local push service's (the JDK's HTTP
     * server) and the local SMSC's (its own and jsmpp's sessions').
     */
    private static final List<String> LOAD_THREADS = List.of("bench-", "HttpClient-", "HTTP-Dispatcher",
            "local-smsc-", "PDUReaderWorker", "EnquireLinkSender");
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
        used.put(POSTGRES, postgres());
        Duration load = loadThreads();
        used.put(KAFKA, cpu(ProcessHandle.current()).minus(load));
        used.put(JIT, compiling);
        used.put(LOAD, load);
        if (system.keycloak() != null) {
            used.put(KEYCLOAK, SystemProcesses.keycloak(system).map(CpuUse::cpu).reduce(Duration.ZERO, Duration::plus));
        }
        return new CpuUse(used);
    }

    /**
     * CPU PostgreSQL has used: its processes' now, and the backends' that have ended (a connection closed), which the
     * postmaster has reaped and the kernel counts as its children's (Linux: cutime and cstime of /proc/PID/stat).
     */
    private static Duration postgres() {
        List<ProcessHandle> processes = SystemProcesses.postgres();
        Duration used = processes.stream().map(CpuUse::cpu).reduce(Duration.ZERO, Duration::plus);
        for (ProcessHandle postmaster : processes) {
            if (postmaster.parent().filter(SystemProcesses::isPostgres).isEmpty()) {
                used = used.plus(endedChildren(postmaster));
            }
        }
        return used;
    }

    private static Duration endedChildren(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Duration.ofMillis((Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 1000 / CLOCK_TICKS);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO; // it ended, or no /proc here: not counted
        }
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

    /** CPU of the benchmark's threads that have ended (their CPU is no longer to be read from them). */
    private static final AtomicLong ENDED_LOAD_THREADS = new AtomicLong();

    /** A thread of the load, as the benchmark makes them: its CPU is counted as the load's, also once it ends. */
    static Thread loadThread(Runnable work, String name) {
        return new Thread(() -> {
            try {
                work.run();
            } finally {
                ENDED_LOAD_THREADS.addAndGet(Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()));
            }
        }, name);
    }

    /**
     * CPU the benchmark's own threads have used: the load generator's and the simulated teams' HTTP calls, the push
     * service's and the SMSC's.
     */
    private static Duration loadThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = ENDED_LOAD_THREADS.get();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && LOAD_THREADS.stream().anyMatch(thread.getThreadName()::startsWith)) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return Duration.ofNanos(nanos);
    }

    /** Milliseconds of CPU a part used per order between the earlier reading and this one. */
    Map<String, Double> perOrderSince(CpuUse earlier, int orders) {
        return used.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().minus(earlier.used.get(e.getKey())).toNanos() / 1e6 / Math.max(1, orders),
                (a, b) -> a, LinkedHashMap::new));
    }

    /** The cores each part used on average between the earlier reading and this one, {@code window} apart. */
    Map<String, Double> coresSince(CpuUse earlier, Duration window) {
        return used.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> (double) e.getValue().minus(earlier.used.get(e.getKey())).toNanos() / window.toNanos(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
