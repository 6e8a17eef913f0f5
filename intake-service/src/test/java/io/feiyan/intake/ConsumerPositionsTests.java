package io.feiyan.intake;

import static io.feiyan.testkit.EventProbe.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.feiyan.events.Topics;
import io.feiyan.platform.messaging.ConsumerPositions;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.FeiyanTest;
import io.feiyan.testkit.InjectEventProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    EntityManager entityManager;

    @InjectEventProbe
    EventProbe probe;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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
        String topic = "positions-test-" + UUID.randomUUID();
        TopicPartition partition = records(topic, 5);
        String group = groupThatCommitted(partition, 5);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into consumer_position (topic, partition, next_offset) values (?1, ?2, 2)")
                .setParameter(1, topic).setParameter(2, partition.partition()).executeUpdate());

        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            subscribe(consumer, topic);
            List<ConsumerRecord<String, String>> taken = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(taken::add);
                return taken.size() >= 3;
            });
            assertEquals(List.of("record 2", "record 3", "record 4"),
                    taken.stream().map(ConsumerRecord::value).toList());
            // until the database's position reaches the group's (this test's consumer applies nothing), or the
            // partition goes to another consumer, the service reads but changes nothing
            Auth.volunteerOf(Fixtures.CHANGBULING).get("/api/residents").then().statusCode(200);
            Auth.volunteerOf(Fixtures.CHANGBULING).contentType(ContentType.JSON)
                    .body(Fixtures.residentBody(Fixtures.CHANGBULING)).post("/api/residents").then().statusCode(503)
                    .header("Retry-After", "5").body("type", equalTo("https://feiyan.io/problems/try-again"));
            consumer.unsubscribe();
        }
        Fixtures.registerResident(Fixtures.CHANGBULING);
    }

    @Test
    void givenAPartitionTheDatabaseHasNoPositionFor_whenGiven_thenWhereItStartsIsWrittenDown_forABackupToHold() {
        String topic = "positions-test-" + UUID.randomUUID();
        TopicPartition partition = records(topic, 3);
        String group = groupThatCommitted(partition, 2);

        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            subscribe(consumer, topic);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return positionOf(topic, partition.partition()) == 2;
            });
        }
    }

    /** Records "record 0", "record 1", ... on a new topic, all on the partition of their one key, which it returns. */
    private TopicPartition records(String topic, int count) {
        for (int i = 0; i < count; i++) {
            probe.sendRaw(topic, "key", "record " + i, Map.of());
        }
        return new TopicPartition(topic, probe.await(topic, keyed("key"), Duration.ofSeconds(30)).partition());
    }

    /** A new consumer group that committed the offset on the partition. */
    private String groupThatCommitted(TopicPartition partition, long offset) {
        String group = "positions-test-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
        return group;
    }

    /** Subscribes the consumer with the positions as its rebalance listener, as the orders channel has them. */
    private void subscribe(KafkaConsumer<String, String> consumer, String topic) {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                positions.onPartitionsAssigned(consumer, partitions);
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                positions.onPartitionsRevoked(consumer, partitions);
            }
        });
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    private long positionOf(String topic, int partition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select coalesce(max(next_offset), -1) from consumer_position where topic = ?1 and partition = ?2")
                .setParameter(1, topic).setParameter(2, partition).getSingleResult()).longValue());
    }
}
