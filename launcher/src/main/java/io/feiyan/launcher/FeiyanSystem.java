package io.feiyan.launcher;

import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.EmbeddedKafka;
import io.feiyan.servers.EmbeddedKeycloak;
import io.feiyan.servers.Identity;
import io.feiyan.servers.KeycloakTokens;
import io.feiyan.servers.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The whole of Feiyan on one machine: an embedded PostgreSQL with a database per service, an embedded
 * Kafka broker, Keycloak (its data in PostgreSQL too) as the identity provider, and the five services as they ship
 * (their packaged Quarkus applications), each in its own JVM, logging to {@code <data>/logs}. Used by the local run,
 * the system tests and the benchmark.
 */
public final class FeiyanSystem implements AutoCloseable {
    /** With this system property true, each service records a CPU profile (Java Flight Recorder) beside its log. */
    public static final String PROFILE = "feiyan.profile";
    /** Options added to every service's JVM, separated by spaces (the system tests set some). */
    public static final String JVM_OPTIONS = "feiyan.services.jvm-options";
    /**
     * Options added to one service's JVM: {@code feiyan.services.options.<module>} (e.g. the system tests point
     * notification-service at their local SMSC), as set when the system starts: its restarts keep them.
     */
    public static final String SERVICE_OPTIONS = "feiyan.services.options.";
    private static final String KEYCLOAK_DATABASE = "keycloak";

    /** Every database of the system: the services' and Keycloak's. */
    public static List<String> databases() {
        return Stream.concat(Arrays.stream(FeiyanService.values()).map(FeiyanService::database),
                Stream.of(KEYCLOAK_DATABASE)).toList();
    }

    /**
     * How to start it. Port 0 means any free port. {@code keycloak} names a Keycloak already running whose realm the
     * services are to trust instead of starting one of its own (the system tests share one).
     */
    public record Settings(Path projectRoot, Path dataDir, EmbeddedDatabase.Durability durability, int kafkaPort,
            int postgresPort, int keycloakPort, Map<FeiyanService, Integer> servicePorts, boolean demoData,
            KeycloakTokens keycloak) {
    }

    private EmbeddedDatabase database;
    private EmbeddedKafka kafka;
    /** The instance of each service the system started with. */
    private final Map<FeiyanService, ServiceInstance> instances = new EnumMap<>(FeiyanService.class);
    /** More instances of services, started later, sharing the first one's database and consumer groups. */
    private final List<ServiceInstance> more = new ArrayList<>();
    private EmbeddedKeycloak keycloak;
    private EmbeddedKeycloak.Secrets keycloakSecrets;
    private Settings settings;
    private KeycloakTokens tokens;
    /**
     * The issuer the services trust: its tokens' {@code iss}; its keys are at
     * {@code <issuer>/protocol/openid-connect/certs}.
     */
    private String issuer;
    private Path tokensFile;
    private Path logs;
    /** The first instances' ports. */
    private Map<FeiyanService, Integer> ports;
    /** Each service's own JVM options, from {@link #SERVICE_OPTIONS}. */
    private final Map<FeiyanService, List<String>> serviceOptions = new EnumMap<>(FeiyanService.class);

    private FeiyanSystem(EmbeddedDatabase database, EmbeddedKafka kafka) {
        this.database = database;
        this.kafka = kafka;
    }

    /** Tokens the services of this system trust, from its Keycloak: for any identity, made an account when new. */
    public KeycloakTokens tokens() {
        return tokens;
    }

    /** The Keycloak this system started, if it started one. */
    public EmbeddedKeycloak keycloak() {
        return keycloak;
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
        // Keycloak builds itself for PostgreSQL (on a fresh distribution, longer than the rest takes to start) while
        // PostgreSQL (a process of its own) and the broker start
        CompletableFuture<Void> keycloakBuilt = settings.keycloak() != null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    try {
                        EmbeddedKeycloak.build(EmbeddedKeycloak.distribution(settings.projectRoot()),
                                settings.dataDir().resolve("logs/keycloak-build.log"), jvmOptions());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        // PostgreSQL (a process of its own) starts while the broker does
        progress.printf("PostgreSQL: starting, data in %s%n", settings.dataDir().resolve("postgres"));
        CompletableFuture<EmbeddedDatabase> postgres = CompletableFuture.supplyAsync(() -> {
            EmbeddedDatabase started = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"),
                    settings.postgresPort(), settings.durability());
            for (FeiyanService service : FeiyanService.values()) {
                started.ensureDatabase(service.database());
            }
            if (settings.keycloak() == null) {
                started.ensureDatabase(KEYCLOAK_DATABASE);
            }
            return started;
        });
        progress.printf("Kafka: starting, log in %s%n", settings.dataDir().resolve("kafka"));
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
        } catch (RuntimeException e) {
            postgres.thenAccept(EmbeddedDatabase::close);
            throw e;
        }
        EmbeddedDatabase database;
        try {
            database = postgres.join();
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        FeiyanSystem system = new FeiyanSystem(database, kafka);
        try {
            system.startServices(settings, keycloakBuilt, progress);
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

    private void startServices(Settings settings, CompletableFuture<Void> keycloakBuilt, PrintStream progress) {
        logs = settings.dataDir().resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = settings;
        ports = new EnumMap<>(FeiyanService.class);
        for (FeiyanService service : FeiyanService.values()) {
            serviceOptions.put(service, options(System.getProperty(SERVICE_OPTIONS + service.moduleName(), "")));
            int port = settings.servicePorts().getOrDefault(service, service.defaultPort());
            ports.put(service, port == 0 ? Ports.free() : port);
        }
        int keycloakPort = settings.keycloakPort() == 0 ? Ports.free() : settings.keycloakPort();
        issuer = settings.keycloak() != null ? settings.keycloak().issuer() : EmbeddedKeycloak.issuer(keycloakPort);
        // Keycloak starts while the services do; they fetch its keys at their first request
        CompletableFuture<KeycloakTokens> identity = settings.keycloak() != null
                ? CompletableFuture.completedFuture(settings.keycloak())
                : keycloakBuilt.thenApplyAsync(built -> startKeycloak(settings, keycloakPort, progress));
        for (FeiyanService service : FeiyanService.values()) {
            ServiceInstance instance = launch(service, ports.get(service), log(service));
            progress.printf("%s: starting on port %d, log in %s%n", service.moduleName(), instance.port(), instance.log());
            instances.put(service, instance);
        }
        try {
            tokens = identity.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        for (ServiceInstance instance : instances.values()) {
            instance.awaitReady();
            progress.printf("%s: ready at %s%n", instance.service().moduleName(), instance.url());
        }
        if (settings.keycloak() == null) {
            Map<String, Identity> users = DemoUsers.all(settings.projectRoot());
            tokens.ensureAccounts(users.values());
            tokensFile = DemoUsers.writeTokens(users, tokens, settings.dataDir());
        }
    }

    private KeycloakTokens startKeycloak(Settings settings, int keycloakPort, PrintStream progress) {
        Path log = logs.resolve("keycloak.log");
        progress.printf("Keycloak: starting on port %d, log in %s%n", keycloakPort, log);
        keycloak = EmbeddedKeycloak.start(new EmbeddedKeycloak.Settings(
                EmbeddedKeycloak.distribution(settings.projectRoot()),
                settings.projectRoot().resolve("deploy/keycloak/feiyan-realm.json"), log, keycloakPort,
                database.jdbcUrl(KEYCLOAK_DATABASE),
                EmbeddedKeycloak.realmVariables(local(FeiyanService.DISPATCH) + "/dashboard",
                        local(FeiyanService.INTAKE) + "/app"),
                keycloakSecrets(), jvmOptions()));
        progress.printf("Keycloak: ready at %s (realm %s)%n", keycloak.url(), EmbeddedKeycloak.REALM);
        return keycloak.tokens();
    }

    /** The secrets of the Keycloak this system starts, made in its data folder the first time: once for all asking. */
    private synchronized EmbeddedKeycloak.Secrets keycloakSecrets() {
        if (keycloakSecrets == null) {
            keycloakSecrets = EmbeddedKeycloak.Secrets.in(LocalKeycloak.secrets(settings.dataDir()));
        }
        return keycloakSecrets;
    }

    /**
     * Starts one more instance of each service, all at once, on free ports, with the same database, broker and
     * settings as the first: each joins its service's consumer group and shares the topics' partitions. Returns them
     * once every one is ready.
     */
    public List<ServiceInstance> startMore(List<FeiyanService> services) {
        List<ServiceInstance> started = new ArrayList<>();
        for (FeiyanService service : services) {
            Path log = logs.resolve(service.moduleName() + "-" + (more.size() + 2) + ".log");
            ServiceInstance instance = launch(service, Ports.free(), log);
            more.add(instance);
            started.add(instance);
        }
        started.forEach(ServiceInstance::awaitReady);
        return started;
    }

    /** The instance the system started with. */
    public ServiceInstance instance(FeiyanService service) {
        return instances.get(service);
    }

    /** Kills the service's first instance (SIGKILL) and starts it again on the same port, as a supervisor would. */
    public ServiceInstance restart(FeiyanService service) {
        return restart(service, () -> {
        });
    }

    /**
     * Kills the service's first instance (SIGKILL), does the work while it is down (its database restored from a
     * backup, say), and starts it again on the same port.
     */
    public ServiceInstance restart(FeiyanService service, Runnable whileDown) {
        ServiceInstance dead = instances.get(service);
        dead.kill();
        whileDown.run();
        ServiceInstance instance = launch(service, dead.port(), dead.log());
        instances.put(service, instance);
        instance.awaitReady();
        return instance;
    }

    /** Stops the broker and starts it again on the same port and log: the services' clients reconnect. */
    public void restartKafka() {
        int port = kafka.port();
        kafka.close();
        kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), port);
    }

    /** Stops PostgreSQL and starts it again on the same port and files: the services' pools reconnect. */
    public void restartDatabase() {
        int port = database.port();
        database.close();
        database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), port, settings.durability());
    }

    /** The address of a service's first instance, as a browser on this machine reaches it. */
    private String local(FeiyanService service) {
        return "http://localhost:" + ports.get(service);
    }

    private ServiceInstance launch(FeiyanService service, int port, Path log) {
        List<String> wiring = new ArrayList<>(List.of(
                "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(service.database()),
                "-Dquarkus.datasource.username=" + EmbeddedDatabase.USER,
                "-Dquarkus.datasource.password=" + EmbeddedDatabase.PASSWORD,
                "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                "-Dmp.jwt.verify.publickey.location=" + EmbeddedKeycloak.jwks(issuer),
                "-Dmp.jwt.verify.issuer=" + issuer,
                // the app, served by intake, calls team, feedback and notification from the browser (README "The app")
                "-Dfeiyan.app.origin=" + local(FeiyanService.INTAKE),
                "-Dfeiyan.app.team-api=" + local(FeiyanService.TEAM),
                "-Dfeiyan.app.feedback-api=" + local(FeiyanService.FEEDBACK),
                "-Dfeiyan.app.notification-api=" + local(FeiyanService.NOTIFICATION),
                // and the dashboard, served by dispatch, feedback's metrics and notification's counts
                "-Dfeiyan.dashboard.origin=" + local(FeiyanService.DISPATCH),
                "-Dfeiyan.dashboard.feedback-api=" + local(FeiyanService.FEEDBACK),
                "-Dfeiyan.dashboard.notification-api=" + local(FeiyanService.NOTIFICATION),
                // every caller of a system on one machine comes from it (its browsers, the county's batch tools:
                // county loading, demo activity): no address limit here, each account's limits hold (limits/)
                "-Dfeiyan.limits.exempt-addresses=127.0.0.1,0:0:0:0:0:0:0:1"));
        if (settings.demoData() && service == FeiyanService.TEAM) {
            wiring.add("-Dfeiyan.demo-data.enabled=true");
        }
        Map<String, String> secrets = new HashMap<>();
        if (service == FeiyanService.NOTIFICATION) {
            // Web Push's server keys: made once per data folder, as the browsers' subscriptions are bound to them
            wiring.addAll(PushKeys.in(settings.dataDir()).wiring());
            // it reads residents' phones from intake, with a token of its own client's (and a resident's village,
            // with a volunteer's token, when they make a WeChat binding code)
            wiring.add("-Dfeiyan.notification.intake-api=" + local(FeiyanService.INTAKE));
            // a made-up WeChat account (a county sets its own in the environment: docs/notifications.md)
            wiring.addAll(LocalWeChatAccount.wiring());
            if (settings.keycloak() == null) {
                secrets.put("FEIYAN_NOTIFICATION_SERVICE_ACCOUNT_CLIENT_SECRET",
                        keycloakSecrets().notificationSecret());
            }
        }
        wiring.addAll(serviceOptions.get(service));
        return ServiceInstance.start(service, port, log, settings.projectRoot(), settings.dataDir(), wiring, secrets);
    }

    /**
     * More options for every service's JVM and Keycloak's: the system tests start them often and briefly, and spare
     * the CPU that optimising their code would take (-XX:TieredStopAtLevel=1).
     */
    static List<String> jvmOptions() {
        return options(System.getProperty(JVM_OPTIONS, ""));
    }

    private static List<String> options(String spaced) {
        return Arrays.stream(spaced.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    public static Path applicationJar(Path projectRoot, FeiyanService service) {
        return projectRoot.resolve(service.moduleName()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public String url(FeiyanService service) {
        return instances.get(service).url();
    }

    /** The port of the system's PostgreSQL, which holds every service's database. */
    public int postgresPort() {
        return database.port();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(FeiyanService service) {
        return database.jdbcUrl(service.database());
    }

    /** A database of its own on the system's PostgreSQL server, made when missing (the benchmark's). */
    public String jdbcUrl(String otherDatabase) {
        return database.ensureDatabase(otherDatabase).jdbcUrl(otherDatabase);
    }

    /** Stops the services (gracefully, then by force), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        List<ServiceInstance> all = new ArrayList<>(more);
        all.addAll(instances.values());
        all.forEach(ServiceInstance::askToStop);
        all.forEach(ServiceInstance::stop);
        if (keycloak != null) {
            keycloak.close();
        }
        kafka.close();
        database.close();
    }
}
