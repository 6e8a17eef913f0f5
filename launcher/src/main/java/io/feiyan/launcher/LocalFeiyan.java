package io.feiyan.launcher;

import io.feiyan.launcher.demo.CountyGenerator;
import io.feiyan.launcher.demo.CountyPlan;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Runs Feiyan locally: embedded PostgreSQL and Kafka, durable, in one data folder, the five services,
 * and the demo county. A service that stops is started again ({@link Supervisor}). Stops everything on Ctrl-C.
 * Started by {@code deploy/run-local.sh}.
 *
 * <p>Arguments: {@code --county} (or {@code --county=SEED}) grows the demo county to the report's scale once
 * the services are ready ({@link CountyGenerator}: 13 towns, 660 villages, 6,600 飞燕 volunteers, residents).
 *
 * <p>Settings (environment): {@code FEIYAN_HOME} the project folder (default: the current one),
 * {@code FEIYAN_DATA} the data folder (default {@code $FEIYAN_HOME/data}), {@code FEIYAN_KAFKA_PORT}
 * (default 9092), {@code FEIYAN_POSTGRES_PORT} (default 5433), {@code FEIYAN_KEYCLOAK_PORT} (default 8180).
 */
public final class LocalFeiyan {
    private LocalFeiyan() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        Long countySeed = null;
        for (String arg : args) {
            if (arg.equals("--county")) {
                countySeed = 1L;
            } else if (arg.matches("--county=-?\\d{1,18}")) {
                countySeed = Long.parseLong(arg.substring("--county=".length()));
            } else {
                System.err.println("usage: deploy/run-local.sh [--county[=SEED]]");
                System.exit(2);
            }
        }
        // the services log to their own files; the broker and database here say only what is wrong
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path home = Path.of(env("FEIYAN_HOME", ".")).toAbsolutePath().normalize();
        Path data = Path.of(env("FEIYAN_DATA", home.resolve("data").toString())).toAbsolutePath().normalize();
        FeiyanSystem.Settings settings = new FeiyanSystem.Settings(home, data, EmbeddedDatabase.Durability.DURABLE,
                Integer.parseInt(env("FEIYAN_KAFKA_PORT", "9092")),
                Integer.parseInt(env("FEIYAN_POSTGRES_PORT", "5433")),
                Integer.parseInt(env("FEIYAN_KEYCLOAK_PORT", "8180")),
                Map.of(), true, null);

        FeiyanSystem system = FeiyanSystem.start(settings, System.out);
        Supervisor supervisor = Supervisor.watch(system, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Feiyan...");
            supervisor.close();
            system.close();
            System.out.println("Stopped. Your data stays in " + data);
            stopped.countDown();
        }));

        if (countySeed != null) {
            try {
                new CountyGenerator(CountyPlan.of(countySeed), system.tokens(), system::url, System.out).load();
            } catch (RuntimeException e) {
                System.out.println("The county could not be loaded (the demo county is up all the same): "
                        + e.getMessage());
            }
        }
        Path tokens = system.tokensFile();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("""

                Feiyan is ready (%.1f s). Data: %s
                  app       %s/app/  (一点就来 on a phone: volunteers, team leads, residents)
                  intake    %s/api/orders      OpenAPI %s/q/openapi
                  dispatch  %s/api/cases       %s/dashboard (live)
                  team      %s/api/teams       %s/api/assignments
                  feedback  %s/api/ratings       %s/api/metrics/rates?by=town
                  notification %s/api/notifications/preferences   OpenAPI %s/q/openapi
                            push keys %s (Web Push's VAPID pair; the app subscribes with the public key)
                            SMS gateway: %s
                  events    %s/contracts/asyncapi.yaml (the topics' contracts, for analytics consumers)
                  Kafka     %s      PostgreSQL localhost:%s (user postgres, databases %s)
                  Keycloak  %s/admin (user admin, password in %s)   realm %s
                  accounts  %s   password %s   (sign in to the dashboard with any of them;
                            the APIs want a bearer token: source %s   more: deploy/token.sh)

                Try it: README.md's walk-through takes an opera order for Grandma Wu around the whole loop;
                deploy/demo-activity.sh (in another terminal) brings the demo county to life and prints its rates;
                deploy/county.sh grows it to the report's 13 towns, 660 villages and 6,600 飞燕 volunteers.

                Press Ctrl-C to stop.
                """, took.toMillis() / 1000.0, data, system.url(FeiyanService.INTAKE),
                system.url(FeiyanService.INTAKE), system.url(FeiyanService.INTAKE),
                system.url(FeiyanService.DISPATCH), system.url(FeiyanService.DISPATCH),
                system.url(FeiyanService.TEAM), system.url(FeiyanService.TEAM),
                system.url(FeiyanService.FEEDBACK), system.url(FeiyanService.FEEDBACK),
                system.url(FeiyanService.NOTIFICATION), system.url(FeiyanService.NOTIFICATION),
                PushKeys.file(data), sms(),
                system.url(FeiyanService.FEEDBACK),
                system.kafkaBootstrapServers(), settings.postgresPort(),
                Arrays.stream(FeiyanService.values()).map(FeiyanService::database).collect(Collectors.joining(", ")),
                system.keycloak().url(), LocalKeycloak.secrets(data), system.keycloak().issuer(),
                String.join(" ", DemoUsers.all(home).values().stream().map(Identity::subject).toList()),
                system.keycloak().secrets().demoPassword(), tokens);
        stopped.await();
    }

    /** Where residents' texts go: notification-service reads its SMSC's settings from the environment it inherits. */
    private static String sms() {
        if (!Boolean.parseBoolean(env("FEIYAN_NOTIFICATION_SMS_ENABLED", "false"))) {
            return "off: to text residents through your SMSC, set FEIYAN_NOTIFICATION_SMS_ENABLED=true and\n"
                    + "            FEIYAN_NOTIFICATION_SMS_HOST, _PORT, _SYSTEM_ID, _PASSWORD, _SOURCE_ADDRESS in the "
                    + "environment";
        }
        return "residents are texted through the SMSC at " + env("FEIYAN_NOTIFICATION_SMS_HOST", "localhost") + ":"
                + env("FEIYAN_NOTIFICATION_SMS_PORT", "2775") + " (FEIYAN_NOTIFICATION_SMS_* in the environment)";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
