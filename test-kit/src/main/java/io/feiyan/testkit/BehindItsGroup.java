package io.feiyan.testkit;

import static io.feiyan.testkit.EventProbe.keyed;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service under test (of a {@link FeiyanTest}) as just after a restore from a backup: its database stands behind
 * its consumer group in a partition of a topic of this test's own — the group committed offset 5, the database stands
 * at 2 — taken by a consumer of this class with the service's rebalance listener (its consumer positions), which
 * applies nothing. Until it is closed (the partition given back), the service is catching up.
 */
public final class BehindItsGroup implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, String> consumer;
    /** The records the consumer took: from where the database stood. */
    public final List<String> taken;
    /** The group, which committed offset 5. */
    public final String group;
    /** The partition of the test's own topic. */
    public final TopicPartition partition;

    /** The service's rebalance listener, as a pair of its methods: partitions assigned, partitions revoked. */
    public record Listener(BiConsumer<Consumer<?, ?>, Collection<TopicPartition>> assigned,
            BiConsumer<Consumer<?, ?>, Collection<TopicPartition>> revoked) {
    }

    private BehindItsGroup(KafkaConsumer<String, String> consumer, List<String> taken, String group,
            TopicPartition partition) {
        this.consumer = consumer;
        this.taken = taken;
        this.group = group;
        this.partition = partition;
    }

    /** Puts the service's database behind its group, and has the consumer take the partition from where it stands. */
    public static BehindItsGroup open(EventProbe probe, Listener listener) {
        String topic = "behind-its-group-" + UUID.randomUUID();
        TopicPartition partition = records(probe, topic, 5);
        String group = groupThatCommitted(partition, 5);
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement position = db.prepareStatement(
                        "insert into consumer_position (topic, partition, next_offset) values (?, ?, 2)")) {
            position.setString(1, topic);
            position.setInt(2, partition.partition());
            position.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot put the database behind its group", e);
        }
        KafkaConsumer<String, String> consumer = consumer(group);
        subscribe(consumer, topic, listener);
        List<String> taken = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> taken.add(record.value()));
            return taken.size() >= 3;
        });
        return new BehindItsGroup(consumer, taken, group, partition);
    }

    /** Gives the partition back: the service no longer waits for it, and has caught up. */
    @Override
    public void close() {
        consumer.unsubscribe();
        consumer.close();
    }

    /** Records "record 0", "record 1", ... on the topic, all on the partition of their one key, which it returns. */
    public static TopicPartition records(EventProbe probe, String topic, int count) {
        for (int i = 0; i < count; i++) {
            probe.sendRaw(topic, "key", "record " + i, Map.of());
        }
        return new TopicPartition(topic, probe.await(topic, keyed("key"), WAIT).partition());
    }

    /** A new consumer group that committed the offset on the partition. */
    public static String groupThatCommitted(TopicPartition partition, long offset) {
        String group = "behind-its-group-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
        return group;
    }

    /** Subscribes the consumer with the service's rebalance listener, as its channels have it. */
    public static void subscribe(KafkaConsumer<String, String> consumer, String topic, Listener listener) {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                listener.assigned().accept(consumer, partitions);
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                listener.revoked().accept(consumer, partitions);
            }
        });
    }

    /** A consumer of the group that commits nothing by itself, from the earliest record. */
    public static KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
