package io.feiyan.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.servers.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which servers the tests get, and what the service under test is told of them — without starting any. */
class TestInfrastructureTest {

    @Test
    void theEmbeddedServersAreTheDefault_containersOnlyWhenAskedFor() {
        assertInstanceOf(EmbeddedInfrastructure.class, TestInfrastructure.chosen(null));
        assertInstanceOf(EmbeddedInfrastructure.class, TestInfrastructure.chosen(""));
        assertInstanceOf(EmbeddedInfrastructure.class, TestInfrastructure.chosen("embedded"));
        assertInstanceOf(ContainerInfrastructure.class, TestInfrastructure.chosen("containers"));
        assertInstanceOf(ContainerInfrastructure.class, TestInfrastructure.chosen(" Containers "));
    }

    @Test
    void anUnknownChoiceIsRefusedNamingTheTwoThereAre() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> TestInfrastructure.chosen("docker"));
        assertTrue(refused.getMessage().contains("-Dfeiyan.infra=docker is neither embedded"), refused.getMessage());
        assertTrue(refused.getMessage().contains("containers"), refused.getMessage());
    }

    @Test
    void theServiceIsToldWhereItsDatabaseAndBrokerAre_andWhoseTokensToTrust(@TempDir Path keys) {
        Tokens.in(keys);
        TestInfrastructure.Endpoints endpoints = new TestInfrastructure.Endpoints(
                "jdbc:postgresql://localhost:32768/intake", "postgres", "secret", "localhost:32769");

        Map<String, String> config = FeiyanTestResource.quarkusConfig(endpoints, keys);

        assertEquals("jdbc:postgresql://localhost:32768/intake", config.get("quarkus.datasource.jdbc.url"));
        assertEquals("postgres", config.get("quarkus.datasource.username"));
        assertEquals("secret", config.get("quarkus.datasource.password"));
        assertEquals("localhost:32769", config.get("kafka.bootstrap.servers"));
        assertEquals(Tokens.publicKey(keys).toUri().toString(), config.get("mp.jwt.verify.publickey.location"));
        assertEquals(keys.toString(), config.get(FeiyanTestResource.TOKEN_KEYS));
    }

    @Test
    void theContainersAreTheImagesComposeRuns_andTheEmbeddedBrokersVersion() throws IOException {
        String compose = Files.readString(Path.of("..", "deploy", "compose", "compose.yaml"));

        assertTrue(compose.contains("image: " + ContainerInfrastructure.POSTGRES_IMAGE + "\n"), "compose runs "
                + ContainerInfrastructure.POSTGRES_IMAGE);
        assertTrue(compose.contains("image: " + ContainerInfrastructure.KAFKA_IMAGE + "\n"), "compose runs "
                + ContainerInfrastructure.KAFKA_IMAGE);
        assertEquals("apache/kafka:" + AppInfoParser.getVersion(), ContainerInfrastructure.KAFKA_IMAGE,
                "the embedded broker is Kafka " + AppInfoParser.getVersion());
    }
}
