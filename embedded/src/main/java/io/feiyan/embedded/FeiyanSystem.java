package io.feiyan.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole of Feiyan on one machine: an embedded PostgreSQL with a database per service, an embedded
 * Kafka broker, and the four services as they ship (their packaged Quarkus applications), each in its
 * own JVM, logging to {@code <data>/logs}. Used by the local run and by the end-to-end test.
 */
public final class FeiyanSystem implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** How to start it. Port 0 means any free port. */
    public record Settings(Path projectRoot, Path dataDir, EmbeddedDatabase.Durability durability, int kafkaPort,
            int postgresPort, Map<FeiyanService, Integer> servicePorts, boolean demoData) {
    }

    private final EmbeddedDatabase database;
    private final EmbeddedKafka kafka;
    private final Map<FeiyanService, Process> processes = new EnumMap<>(FeiyanService.class);
    private final Map<FeiyanService, Integer> ports = new EnumMap<>(FeiyanService.class);
    private Tokens tokens;
    private Path tokensFile;
    private Path logs;

    private FeiyanSystem(EmbeddedDatabase database, EmbeddedKafka kafka) {
        this.database = database;
        this.kafka = kafka;
    }

    /** Where the local token signing key pair is kept: beside the data it guards. */
    public static Path keys(Path dataDir) {
        return dataDir.resolve("keys");
    }

    /** Signs tokens the services of this system trust. */
    public Tokens tokens() {
        return tokens;
    }

    /** The demo users' tokens as {@code export} lines ({@code data/tokens.env}), written at each start. */
    public Path tokensFile() {
        return tokensFile;
    }

    public static FeiyanSystem start(Settings settings, PrintStream progress) {
        for (FeiyanService service : FeiyanService.values()) {
            Path jar = applicationJar(settings.projectRoot(), service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
            }
        }
        progress.printf("PostgreSQL: starting, data in %s%n", settings.dataDir().resolve("postgres"));
        EmbeddedDatabase database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"),
                settings.postgresPort(), settings.durability());
        for (FeiyanService service : FeiyanService.values()) {
            database.ensureDatabase(service.database());
        }
        progress.printf("Kafka: starting, log in %s%n", settings.dataDir().resolve("kafka"));
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        FeiyanSystem system = new FeiyanSystem(database, kafka);
        try {
            system.startServices(settings, progress);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** The service's log: everything it wrote to standard output and error. */
    public Path log(FeiyanService service) {
        return logs.resolve(service.moduleName() + ".log");
    }

    private void startServices(Settings settings, PrintStream progress) {
        logs = settings.dataDir().resolve("logs");
        tokens = Tokens.in(keys(settings.dataDir()));
        tokensFile = DemoUsers.writeTokens(tokens, settings.dataDir());
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (FeiyanService service : FeiyanService.values()) {
            int port = settings.servicePorts().getOrDefault(service, service.defaultPort());
            port = port == 0 ? EmbeddedKafka.freePort() : port;
            ports.put(service, port);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(service.database()),
                    "-Dquarkus.datasource.username=" + EmbeddedDatabase.USER,
                    "-Dquarkus.datasource.password=" + EmbeddedDatabase.PASSWORD,
                    "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "-Dmp.jwt.verify.publickey.location=" + Tokens.publicKey(keys(settings.dataDir())).toUri()));
            if (settings.demoData() && service == FeiyanService.TEAM) {
                command.add("-Dfeiyan.demo-data.enabled=true");
            }
            command.add("-jar");
            command.add(applicationJar(settings.projectRoot(), service).toString());
            Path log = log(service);
            progress.printf("%s: starting on port %d, log in %s%n", service.moduleName(), port, log);
            try {
                processes.put(service, new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + service.moduleName(), e);
            }
        }
        for (FeiyanService service : FeiyanService.values()) {
            awaitReady(service, log(service));
            progress.printf("%s: ready at %s%n", service.moduleName(), url(service));
        }
    }

    private void awaitReady(FeiyanService service, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service.moduleName() + " stopped while starting; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(service.moduleName() + " not ready after " + READY_TIMEOUT + "; see " + log);
    }

    public static Path applicationJar(Path projectRoot, FeiyanService service) {
        return projectRoot.resolve(service.moduleName()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url(FeiyanService service) {
        return "http://localhost:" + ports.get(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(FeiyanService service) {
        return database.jdbcUrl(service.database());
    }

    /** Stops the services (gracefully, then by force), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kafka.close();
        database.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
