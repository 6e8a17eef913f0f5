package io.feiyan.feedback.metrics;

import io.feiyan.events.EventType;
import io.feiyan.events.OrderEvent;
import io.feiyan.feedback.metrics.OrderFacts.Tables;
import io.feiyan.platform.domain.Conflict;
import io.feiyan.platform.domain.IllegalMove;
import io.feiyan.platform.messaging.Inbox;
import io.feiyan.platform.messaging.PoisonMessageException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the metrics' facts from the topics alone. Every order topic is read from its beginning into empty
 * staging tables, in batches, while live recording goes on; then, with live recording held for a moment,
 * the events published meanwhile are read too and the staging tables replace the facts in one transaction.
 * Readers see the old figures until then. For a new or damaged database, or a change to what facts hold.
 */
@ApplicationScoped
public class MetricsRebuild {
    private static final Logger LOG = Logger.getLogger(MetricsRebuild.class);
    private static final int PROGRESS_EVERY = 10_000;

    /** What a rebuild read: well-formed events, messages skipped as unreadable, orders counted, time taken. */
    public record Result(long events, long skipped, long orders, long millis) {
    }

    private final EntityManager entityManager;
    private final OrderFacts facts;
    private final Inbox inbox;
    private final String bootstrapServers;
    private final AtomicBoolean running = new AtomicBoolean();

    MetricsRebuild(EntityManager entityManager, OrderFacts facts, Inbox inbox,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.entityManager = entityManager;
        this.facts = facts;
        this.inbox = inbox;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * A feedback-service that heard of orders before it kept metrics (an upgrade) has facts to catch up on:
     * it rebuilds them once, in the background, at its first start with empty facts.
     */
    void onStart(@Observes StartupEvent start) {
        boolean behind = QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager.createNativeQuery(
                "select not exists (select 1 from metric_order) and exists (select 1 from orders)").getSingleResult());
        if (behind) {
            new Thread(() -> {
                LOG.info("metrics rebuild: the facts are empty but orders were heard of before; rebuilding once");
                rebuild();
            }, "metrics-first-rebuild").start();
        }
    }

    public Result rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new Conflict("rebuild-running", "A rebuild is running",
                    "the metrics are being rebuilt already; try again when it is done");
        }
        try {
            return replay();
        } finally {
            running.set(false);
        }
    }

    private Result replay() {
        Instant start = Instant.now();
        long[] counts = new long[2]; // events, skipped
        QuarkusTransaction.requiringNew().run(() -> execute(
                "drop table if exists metric_order_rebuilt, metric_step_rebuilt",
                "create unlogged table metric_order_rebuilt (like metric_order including all)",
                "create unlogged table metric_step_rebuilt (like metric_step including all)"));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = OrderFacts.TOPICS.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(partition -> new TopicPartition(topic, partition.partition())))
                    .toList();
            consumer.assign(partitions);
            requireWholeHistory(consumer, partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            LOG.infof("metrics rebuild: reading %d events from %s", end.values().stream().mapToLong(Long::longValue)
                    .sum(), OrderFacts.TOPICS);
            readTo(consumer, end, counts, batch -> QuarkusTransaction.requiringNew().run(() -> record(batch, counts)));
            long orders = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, OrderFacts.LOCK)
                        .getSingleResult();
                readTo(consumer, consumer.endOffsets(partitions), counts, batch -> record(batch, counts));
                execute("delete from metric_step",
                        "insert into metric_step select * from metric_step_rebuilt",
                        "delete from metric_order",
                        "insert into metric_order select * from metric_order_rebuilt",
                        "drop table metric_order_rebuilt, metric_step_rebuilt");
                return ((Number) entityManager.createNativeQuery("select count(*) from metric_order")
                        .getSingleResult()).longValue();
            });
            Result result = new Result(counts[0], counts[1], orders, Duration.between(start, Instant.now()).toMillis());
            LOG.infof("metrics rebuild: %d events of %d orders in %d ms; %d unreadable skipped (each is in a "
                    + "dead-letter topic)", result.events(), result.orders(), result.millis(), result.skipped());
            return result;
        }
    }

    /** Refuses to rebuild from topics whose oldest events are gone: the figures would silently lose them. */
    private static void requireWholeHistory(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        consumer.beginningOffsets(partitions).forEach((partition, first) -> {
            if (first > 0) {
                throw new IllegalMove("history-incomplete", "The topics no longer hold every event",
                        partition + " starts at offset " + first + ": its older events were deleted, so a rebuild "
                                + "would lose them. Keep order topics for ever (retention.ms=-1).")
                        .with("topic", partition.topic());
            }
        });
    }

    /**
     * Reads until every partition reaches its end offset, handing each poll's records over to be recorded. A
     * poll may bring records past the end: they are left for the next read, which starts at the end.
     */
    private static void readTo(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, long[] counts,
            Consumer<List<ConsumerRecord<String, String>>> write) {
        Map<TopicPartition, Long> left = new HashMap<>(end);
        left.entrySet().removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
        while (!left.isEmpty()) {
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                Long last = end.get(new TopicPartition(record.topic(), record.partition()));
                if (last != null && record.offset() < last) {
                    batch.add(record);
                }
            }
            end.forEach((partition, last) -> {
                if (consumer.position(partition) > last) {
                    consumer.seek(partition, last);
                }
            });
            long before = counts[0] + counts[1];
            write.accept(batch);
            if ((counts[0] + counts[1]) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                LOG.infof("metrics rebuild: %d events read", counts[0] + counts[1]);
            }
            left.entrySet().removeIf(partition -> consumer.position(partition.getKey()) >= partition.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private void record(List<ConsumerRecord<String, String>> batch, long[] counts) {
        for (ConsumerRecord<String, String> record : batch) {
            Class<? extends OrderEvent> type = (Class<? extends OrderEvent>) EventType.onTopic(record.topic())
                    .orElseThrow().javaType();
            try {
                facts.insert(inbox.read(record, type), Tables.REBUILT);
                counts[0]++;
            } catch (PoisonMessageException e) {
                counts[1]++;
            }
        }
    }

    private void execute(String... statements) {
        for (String statement : statements) {
            entityManager.createNativeQuery(statement).executeUpdate();
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(properties);
    }
}
