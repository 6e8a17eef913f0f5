package io.feiyan.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.feiyan.events.EventType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** The container path itself: runs where a Docker engine is, and says why it is skipped where none is. */
class ContainerInfrastructureTest {

    @Test
    void containersGiveADatabaseOfTheNameAskedAndABrokerWithFeiyansTopics() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine on this machine: the container path (-Dfeiyan.infra=containers) needs one");
        try (TestInfrastructure containers = TestInfrastructure.chosen("containers")) {
            TestInfrastructure.Endpoints endpoints = containers.start("intake");

            try (Connection db = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(),
                    endpoints.password()); ResultSet rs = db.createStatement().executeQuery("select current_database()")) {
                assertTrue(rs.next());
                assertEquals("intake", rs.getString(1));
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    endpoints.kafkaBootstrapServers()))) {
                Set<String> topics = admin.listTopics().names().get();
                assertTrue(Arrays.stream(EventType.values()).allMatch(type -> topics.contains(type.topic())), topics::toString);
            }
        }
    }
}
