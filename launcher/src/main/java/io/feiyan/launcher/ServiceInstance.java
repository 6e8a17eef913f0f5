package io.feiyan.launcher;

import io.feiyan.servers.Readiness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running instance of a service: its packaged Quarkus application in a JVM of its own, on its own port, logging
 * to its own file.
 */
public final class ServiceInstance {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /**
     * A service's JVM on a county's one small server, beside four others, PostgreSQL, Kafka and Keycloak: a heap that
     * starts small, grows as the service needs (to 256 MiB) and shrinks again, one collector thread (the serial
     * collector: no concurrent work, the least per object), and no performance counters sampled 20 times a second.
     */
    static final List<String> SMALL_SERVER = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private final FeiyanService service;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceInstance(FeiyanService service, int port, Path log, Process process) {
        this.service = service;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public FeiyanService service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** How its process ended ("137" after a SIGKILL), or "none" while it runs. */
    public String exitCode() {
        return process.isAlive() ? "none" : String.valueOf(process.exitValue());
    }

    /** Its operating-system process: how much CPU it has used, for instance. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Ends it at once, as a crash would (SIGKILL): nothing is flushed, committed or said goodbye. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops it as an operator would (SIGTERM), by force if it has not stopped in 20 seconds. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks it to stop (SIGTERM), not waiting: the system asks all its services at once, then waits for each. */
    void askToStop() {
        process.destroy();
    }

    void awaitReady() {
        Readiness.await(process, URI.create(url() + "/q/health/ready"), READY_TIMEOUT, service.moduleName(), log);
    }

    /**
     * Starts the service's packaged application on the port, with the system properties that wire it to the rest of
     * the system ({@code -Dname=value}, in their order) and its secrets in its environment (not on its command line,
     * which every user of the machine can read), logging to the file. It is starting, not yet ready.
     */
    static ServiceInstance start(FeiyanService service, int port, Path log, Path projectRoot, Path dataDir,
            List<String> wiring, Map<String, String> secrets) {
        // what a service unpacks for itself (Netty's native Brotli library, for one) stays in the data folder
        Path temporary = dataDir.resolve("tmp").resolve(service.moduleName() + "-" + port);
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(SMALL_SERVER);
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + temporary,
                "-Dquarkus.http.port=" + port));
        command.addAll(wiring);
        if (Boolean.getBoolean(FeiyanSystem.PROFILE)) {
            // a CPU profile of each service, kept beside its log (the benchmark: deploy/bench.sh --profile)
            // Quarkus's request stacks run past the recorder's default 64 frames: deep enough to see their roots
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + log.resolveSibling(log.getFileName().toString().replace(".log", ".jfr")));
        }
        command.addAll(FeiyanSystem.jvmOptions());
        command.add("-jar");
        command.add(FeiyanSystem.applicationJar(projectRoot, service).toString());
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(secrets);
            return new ServiceInstance(service, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.moduleName(), e);
        }
    }
}
