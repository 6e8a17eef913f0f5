package io.feiyan.intake;

import static io.feiyan.testkit.EventProbe.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Topics;
import io.feiyan.platform.messaging.ConsumerPositions;
import io.feiyan.platform.messaging.RestoreCheck;
import io.feiyan.testkit.BehindItsGroup;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A consumer's position is kept in the service's database with what it applied, and a partition given to the
 * consumer starts there: a database restored from a backup takes again the events since.
 */
@FeiyanTest
class ConsumerPositionsTests {
    @Inject
    ConsumerPositions positions;

    @Inject
    RestoreCheck restoreCheck;

    @Inject
    EntityManager entityManager;

    @InjectEventProbe
    EventProbe probe;

    @Test
    void givenARecordTheConsumerSetsAside_thenItsPositionIsPastIt() {
        String key = UUID.randomUUID().toString();
        probe.sendRaw(Topics.ORDERS_RATED, key, "{not json", Map.of());
        ConsumerRecord<String, String> sent = probe.await(Topics.ORDERS_RATED, keyed(key), Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).until(() -> positionOf(Topics.ORDERS_RATED, sent.partition())
                > sent.offset());
    }

    @Test
    void givenADatabaseBehindItsGroup_thenTheConsumerStartsWhereItStands_andTheServiceChangesNothingUntilCaughtUp() {
        try (BehindItsGroup behind = BehindItsGroup.open(probe, listener())) {
            assertEquals(List.of("record 2", "record 3", "record 4"), behind.taken);
            // until the database's position reaches the group's (this test's consumer applies nothing), or the
            // partition goes to another consumer, the service reads but changes nothing
            Auth.volunteerOf(Fixtures.CHANGBULING).get("/api/residents").then().statusCode(200);
            Auth.volunteerOf(Fixtures.CHANGBULING).contentType(ContentType.JSON)
                    .body(Fixtures.residentBody(Fixtures.CHANGBULING)).post("/api/residents").then().statusCode(503)
                    .header("Retry-After", "5").body("type", equalTo("https://feiyan.io/problems/try-again"));
        }
        Fixtures.registerResident(Fixtures.CHANGBULING);
    }

    @Test
    void givenADatabaseBehindItsGroup_whenTheServiceStarts_thenItKnowsBeforeItsConsumerIsGivenAPartition()
            throws Exception {
        try (BehindItsGroup behind = BehindItsGroup.open(probe, listener())) {
            assertEquals(5L, restoreCheck.behindOf(behind.group).get(behind.partition));
        }
    }

    @Test
    void givenAPartitionTheDatabaseHasNoPositionFor_whenGiven_thenWhereItStartsIsWrittenDown_forABackupToHold() {
        String topic = "positions-test-" + UUID.randomUUID();
        TopicPartition partition = BehindItsGroup.records(probe, topic, 3);
        String group = BehindItsGroup.groupThatCommitted(partition, 2);

        try (KafkaConsumer<String, String> consumer = BehindItsGroup.consumer(group)) {
            BehindItsGroup.subscribe(consumer, topic, listener());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return positionOf(topic, partition.partition()) == 2;
            });
        }
    }

    private BehindItsGroup.Listener listener() {
        return new BehindItsGroup.Listener(positions::onPartitionsAssigned, positions::onPartitionsRevoked);
    }

    private long positionOf(String topic, int partition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select coalesce(max(next_offset), -1) from consumer_position where topic = ?1 and partition = ?2")
                .setParameter(1, topic).setParameter(2, partition).getSingleResult()).longValue());
    }
}
