package io.feiyan.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the local run's services running, as a process supervisor would: a service that stops (it crashed, it was
 * killed) is started again on its port and log, and the console says so. One that keeps stopping — more than
 * {@link #MOST_RESTARTS} times within {@link #WITHIN} — is given up on with a clear message; the others run on.
 */
public final class Supervisor implements AutoCloseable {
    static final int MOST_RESTARTS = 3;
    static final Duration WITHIN = Duration.ofMinutes(5);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final FeiyanSystem system;
    private final PrintStream console;
    private final Map<FeiyanService, Deque<Instant>> restarts = new EnumMap<>(FeiyanService.class);
    private final Set<FeiyanService> givenUp = EnumSet.noneOf(FeiyanService.class);
    private final Thread watcher;
    private volatile boolean watching = true;

    private Supervisor(FeiyanSystem system, PrintStream console) {
        this.system = system;
        this.console = console;
        this.watcher = new Thread(this::watch, "feiyan-supervisor");
        watcher.setDaemon(true);
    }

    /** Starts watching the system's services. */
    public static Supervisor watch(FeiyanSystem system, PrintStream console) {
        Supervisor supervisor = new Supervisor(system, console);
        supervisor.watcher.start();
        return supervisor;
    }

    private void watch() {
        while (watching) {
            for (FeiyanService service : FeiyanService.values()) {
                if (watching && !givenUp.contains(service) && !system.instance(service).isAlive()) {
                    revive(service);
                }
            }
            try {
                Thread.sleep(LOOK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts the stopped service again, unless it has stopped too often lately. */
    private void revive(FeiyanService service) {
        Instant now = Instant.now();
        Deque<Instant> recent = restarts.computeIfAbsent(service, s -> new ArrayDeque<>());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WITHIN))) {
            recent.removeFirst();
        }
        String name = service.moduleName();
        if (recent.size() >= MOST_RESTARTS) {
            givenUp.add(service);
            console.printf("%n%s keeps stopping (%d restarts within %d minutes): giving up on it. Its log: %s%n"
                    + "The other services run on; fix the cause, then stop (Ctrl-C) and start again.%n", name,
                    MOST_RESTARTS, WITHIN.toMinutes(), system.log(service));
            return;
        }
        recent.addLast(now);
        console.printf("%n%s stopped (exit code %s); starting it again (restart %d of at most %d within %d minutes)...%n",
                name, system.instance(service).exitCode(), recent.size(), MOST_RESTARTS, WITHIN.toMinutes());
        try {
            ServiceInstance instance = system.restart(service);
            console.printf("%s: ready again at %s%n", name, instance.url());
        } catch (RuntimeException e) {
            console.printf("%s did not start again: %s%n", name, e.getMessage());
        }
    }

    /** Stops watching, before the system is stopped, so that stopping is not mistaken for a crash. */
    @Override
    public void close() {
        watching = false;
        watcher.interrupt();
        try {
            watcher.join(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
