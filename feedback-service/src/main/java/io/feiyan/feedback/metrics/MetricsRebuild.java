package io.feiyan.feedback.metrics;

import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.IncomingEvent;
import io.feiyan.platform.messaging.PoisonMessageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the metrics' facts from the topics alone: empties them, then reads every order topic from its
 * beginning to where it ends now, in one transaction, so readers see the old figures until the new ones are
 * complete. Events arriving meanwhile wait for it and are then recorded as usual (a fact already there is
 * kept once). For a new or damaged database, or after a change to what the facts hold.
 */
@ApplicationScoped
public class MetricsRebuild {
    private static final Logger LOG = Logger.getLogger(MetricsRebuild.class);
    private static final int PROGRESS_EVERY = 10_000;

    public record Result(long events, long skipped, long orders, long millis) {
    }

    private final EntityManager entityManager;
    private final OrderFacts facts;
    private final Inbox inbox;
    private final String bootstrapServers;

    MetricsRebuild(EntityManager entityManager, OrderFacts facts, Inbox inbox,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.entityManager = entityManager;
        this.facts = facts;
        this.inbox = inbox;
        this.bootstrapServers = bootstrapServers;
    }

    public Result rebuild() {
        return QuarkusTransaction.requiringNew().timeout((int) Duration.ofHours(1).toSeconds()).call(this::replay);
    }

    private Result replay() {
        Instant start = Instant.now();
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, OrderFacts.LOCK)
                .getSingleResult();
        entityManager.createNativeQuery("delete from metric_step").executeUpdate();
        entityManager.createNativeQuery("delete from metric_order").executeUpdate();
        long events = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = OrderFacts.TOPICS.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(partition -> new TopicPartition(topic, partition.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            LOG.infof("metrics rebuild: reading at most %d events from %s", total, OrderFacts.TOPICS);
            end.entrySet().removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
            while (!end.isEmpty()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last == null || record.offset() >= last) {
                        continue;
                    }
                    if (read(record)) {
                        events++;
                    } else {
                        skipped++;
                    }
                    if ((events + skipped) % PROGRESS_EVERY == 0) {
                        LOG.infof("metrics rebuild: %d of at most %d events", events + skipped, total);
                    }
                }
                end.entrySet().removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
            }
        }
        long orders = ((Number) entityManager.createNativeQuery("select count(*) from metric_order")
                .getSingleResult()).longValue();
        Result result = new Result(events, skipped, orders, Duration.between(start, Instant.now()).toMillis());
        LOG.infof("metrics rebuild: %d events of %d orders in %d ms; %d unreadable skipped (they are in a dead-letter topic)",
                result.events(), result.orders(), result.millis(), result.skipped());
        return result;
    }

    /** Records one event; false for a message that is not a well-formed event of its topic. */
    @SuppressWarnings("unchecked")
    private boolean read(ConsumerRecord<String, String> record) {
        Class<? extends OrderEvent> type = (Class<? extends OrderEvent>) EventType.onTopic(record.topic())
                .orElseThrow().javaType();
        try {
            IncomingEvent<? extends OrderEvent> event = inbox.read(record, type);
            facts.insert(event);
            return true;
        } catch (PoisonMessageException e) {
            return false;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(properties);
    }
}
