package io.feiyan.testkit;

import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.EmbeddedKafka;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and PostgreSQL in containers (Testcontainers), the images deploy/compose runs: for a machine with a Docker
 * engine that would rather not run the servers in the test's JVM. Started together; stopped when closed.
 */
final class ContainerInfrastructure implements TestInfrastructure {
    /** The images of deploy/compose/compose.yaml; the embedded servers are the same versions (17, 4.1.2). */
    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private PostgreSQLContainer postgres;
    private KafkaContainer kafka;

    @Override
    public Endpoints start(String database) {
        postgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                .withDatabaseName(database)
                .withUsername(EmbeddedDatabase.USER)
                .withPassword(EmbeddedDatabase.PASSWORD);
        kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        Startables.deepStart(postgres, kafka).join();
        EmbeddedKafka.createFeiyanTopics(kafka.getBootstrapServers());
        return new Endpoints(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(),
                kafka.getBootstrapServers());
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
