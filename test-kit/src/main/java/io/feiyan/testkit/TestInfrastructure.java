package io.feiyan.testkit;

import java.util.Locale;

/**
 * Where a service's tests get their Kafka broker and PostgreSQL database: the embedded servers (the default: a
 * machine with only a JDK runs every test) or containers (Testcontainers, on a machine with a Docker engine), chosen
 * with {@code -Dfeiyan.infra=embedded|containers}. Both give the same versions as Compose runs.
 */
public interface TestInfrastructure extends AutoCloseable {
    /** The system property that chooses: {@code embedded} (the default) or {@code containers}. */
    String PROPERTY = "feiyan.infra";

    /** What the tests connect to. */
    record Endpoints(String jdbcUrl, String username, String password, String kafkaBootstrapServers) {
    }

    /** Starts a broker with Feiyan's topics and a server holding the database of that name. */
    Endpoints start(String database);

    @Override
    void close();

    /** The infrastructure {@code -Dfeiyan.infra} asks for; nothing is started yet. */
    static TestInfrastructure chosen(String value) {
        String choice = value == null || value.isBlank() ? "embedded" : value.strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> new EmbeddedInfrastructure();
            case "containers" -> new ContainerInfrastructure();
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
                    + " is neither embedded (the default: servers in the test's JVM) nor containers (Testcontainers,"
                    + " on a machine with a Docker engine)");
        };
    }
}
