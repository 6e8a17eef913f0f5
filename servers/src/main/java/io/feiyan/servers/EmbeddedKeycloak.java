package io.feiyan.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak server, from its distribution on Maven Central (unpacked by the build into
 * {@code servers/target/keycloak}), run as a process of its own on the machine's JDK, its data in a PostgreSQL database.
 * At its first start it imports the county's realm ({@code deploy/keycloak/feiyan-realm.json}); later starts find the
 * realm, its accounts and sessions in the database. The secrets the realm needs are made here, never kept in the
 * project ({@link Secrets}).
 */
public final class EmbeddedKeycloak implements AutoCloseable {
    public static final String REALM = "feiyan";
    /** The client scripts and tests get tokens with (password grant) and manage accounts with (its service account). */
    public static final String SCRIPTS_CLIENT = "feiyan-scripts";
    /** notification-service's own client: its service account (role notifier) reads residents' phones from intake. */
    public static final String NOTIFICATION_CLIENT = "feiyan-notification";
    /** Built for PostgreSQL, and for one instance: its caches local, no cluster to discover (faster to start). */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--cache=local");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /**
     * The passwords and secrets of one local Keycloak, made at its first start and kept in a file only its owner reads:
     * the bootstrap administrator's password (master realm, user {@code admin}), the scripts client's secret, the
     * password of the demo accounts (printed at start: local only), and the notification service's client secret.
     */
    public record Secrets(String adminPassword, String scriptsSecret, String demoPassword, String notificationSecret) {
        /** The secrets kept in the file, made there the first time (and any it lacks, made by an older version). */
        public static Secrets in(Path file) {
            try {
                Properties properties = new Properties();
                boolean made = !Files.exists(file);
                if (made) {
                    Files.createDirectories(file.getParent());
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } else {
                    try (InputStream in = Files.newInputStream(file)) {
                        properties.load(in);
                    }
                }
                int had = properties.size();
                properties.putIfAbsent("admin-password", random());
                properties.putIfAbsent("scripts-secret", random());
                properties.putIfAbsent("demo-password", "feiyan-" + random().substring(0, 8));
                properties.putIfAbsent("notification-secret", random());
                if (made || properties.size() != had) {
                    try (var out = Files.newOutputStream(file)) {
                        properties.store(out, "Keycloak's secrets for this data folder: never commit them");
                    }
                }
                return new Secrets(properties.getProperty("admin-password"), properties.getProperty("scripts-secret"),
                        properties.getProperty("demo-password"), properties.getProperty("notification-secret"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or make Keycloak's secrets in " + file, e);
            }
        }

        private static String random() {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    /**
     * How to start it: the distribution, the realm file, where it logs, its port (0: any free one), its database, the
     * realm file's variables (the dashboard's and the app's address), its secrets, and options for its JVM.
     */
    public record Settings(Path distribution, Path realmFile, Path log, int port, String jdbcUrl,
            Map<String, String> realmVariables, Secrets secrets, List<String> jvmOptions) {
    }

    private final Process process;
    private final int port;
    private final Secrets secrets;

    private EmbeddedKeycloak(Process process, int port, Secrets secrets) {
        this.process = process;
        this.port = port;
        this.secrets = secrets;
    }

    /** The distribution the build unpacked: {@code servers/target/keycloak/keycloak-<version>}. */
    public static Path distribution(Path projectRoot) {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedKeycloak.class.getResourceAsStream("keycloak.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return projectRoot.resolve("servers/target/keycloak/keycloak-" + properties.getProperty("version"));
    }

    /** Starts Keycloak and returns once its realm answers; the first start on a distribution builds it for PostgreSQL. */
    public static EmbeddedKeycloak start(Settings settings) {
        Path kc = settings.distribution().resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException(kc + " is missing: build first with ./mvnw install -DskipTests");
        }
        int port = settings.port() == 0 ? Ports.free() : settings.port();
        try {
            Files.createDirectories(settings.log().getParent());
            build(settings.distribution(), settings.log().resolveSibling("keycloak-build.log"), settings.jvmOptions());
            Path imports = settings.distribution().resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(settings.realmFile(), imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Process process = processBuilder(settings, List.of("start", "--optimized",
                    "--http-enabled=true", "--http-port=" + port, "--hostname=http://localhost:" + port,
                    "--db-url=" + settings.jdbcUrl(), "--db-username=" + EmbeddedDatabase.USER,
                    "--db-password=" + EmbeddedDatabase.PASSWORD, "--db-pool-max-size=20", "--import-realm"))
                    .redirectOutput(settings.log().toFile()).start();
            EmbeddedKeycloak keycloak = new EmbeddedKeycloak(process, port, settings.secrets());
            keycloak.awaitReady(settings.log());
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + settings.distribution(), e);
        }
    }

    /**
     * Builds the distribution for its database ({@code kc.sh build}) unless it is built already (a marker file says it
     * has); {@link #start} does it when no one has. It needs no database, so a caller can have it done while it starts
     * PostgreSQL: on a fresh distribution it takes longer than anything else Keycloak's start waits for.
     */
    public static synchronized void build(Path distribution, Path buildLog, List<String> jvmOptions) throws IOException {
        Path marker = distribution.resolve(".feiyan-built");
        String built = String.join(" ", BUILD_OPTIONS);
        if (Files.exists(marker) && Files.readString(marker).equals(built)) {
            return;
        }
        Files.createDirectories(buildLog.getParent());
        List<String> build = new ArrayList<>(List.of("build"));
        build.addAll(BUILD_OPTIONS);
        Process building = processBuilder(distribution, jvmOptions, build)
                .redirectOutput(buildLog.toFile()).start();
        try {
            if (!building.waitFor(5, TimeUnit.MINUTES) || building.exitValue() != 0) {
                building.destroyForcibly();
                throw new IllegalStateException("Keycloak's build failed: see " + buildLog);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Files.writeString(marker, built);
    }

    private static ProcessBuilder processBuilder(Settings settings, List<String> arguments) {
        ProcessBuilder builder = processBuilder(settings.distribution(), settings.jvmOptions(), arguments);
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.secrets().adminPassword());
        env.put("FEIYAN_SCRIPTS_SECRET", settings.secrets().scriptsSecret());
        env.put("FEIYAN_NOTIFICATION_SECRET", settings.secrets().notificationSecret());
        env.putAll(settings.realmVariables());
        return builder;
    }

    /** kc.sh with its JVM's options: what a build needs; a start needs more. */
    private static ProcessBuilder processBuilder(Path distribution, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(distribution.resolve("bin/kc.sh").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // a county's one small server: a heap that starts small and gives back what it no longer needs after a
        // collection, and no performance counters sampled 20 times a second
        env.put("JAVA_OPTS_KC_HEAP", "-Xms32m -Xmx384m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-UsePerfData"
                // signing in is rare and light: its code compiled once, quickly, in less memory (no second compiler)
                + " -XX:TieredStopAtLevel=1");
        // Keycloak chooses its collector itself (G1): a second choice would stop its JVM from starting
        env.put("JAVA_OPTS_APPEND", String.join(" ", jvmOptions.stream()
                .filter(option -> !option.matches("-XX:\\+Use\\w+GC")).toList()));
        return builder;
    }

    private void awaitReady(Path log) {
        try {
            Readiness.await(process, URI.create(issuer() + "/.well-known/openid-configuration"), READY_TIMEOUT,
                    "Keycloak", log);
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** Keycloak's process: its start script's, with the JVM among its descendants. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Where Keycloak answers: {@code http://localhost:<port>}. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer: the {@code iss} of its tokens, and where its OpenID configuration is. */
    public String issuer() {
        return issuer(port);
    }

    /** The realm's issuer of a Keycloak on this machine's port. */
    public static String issuer(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** The realm's signing keys (JWKS), which the services verify tokens with. */
    public static String jwks(String issuer) {
        return issuer + "/protocol/openid-connect/certs";
    }

    public Secrets secrets() {
        return secrets;
    }

    /** Tokens from this Keycloak, for the demo accounts and any identity a script or test names. */
    public KeycloakTokens tokens() {
        return tokens(issuer(), secrets);
    }

    /** Tokens from the realm of that issuer, through its scripts client, with the accounts' demo password. */
    public static KeycloakTokens tokens(String issuer, Secrets secrets) {
        return new KeycloakTokens(issuer, SCRIPTS_CLIENT, secrets.scriptsSecret(), secrets.demoPassword());
    }

    /** Stops Keycloak (SIGTERM, as kc.sh forwards it) and waits for it; kills what is left after 30 s. */
    @Override
    public void close() {
        List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.forEach(handle -> handle.onExit().join());
    }

    /** The realm variables for a realm whose dashboard and app are at these addresses. */
    public static Map<String, String> realmVariables(String dashboardUrl, String appUrl) {
        Map<String, String> variables = new HashMap<>();
        variables.put("FEIYAN_DASHBOARD_URL", dashboardUrl);
        variables.put("FEIYAN_APP_URL", appUrl);
        return variables;
    }
}
