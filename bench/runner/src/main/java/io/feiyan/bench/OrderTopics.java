package io.feiyan.bench;

import io.feiyan.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The topics the benchmark times orders by, OrderAssigned and OrderAccepted, read from their end as an analytics
 * consumer would: each record is handed, as it arrives, to the listener, on a thread of the reader's own.
 */
final class OrderTopics implements AutoCloseable {
    private final KafkaConsumer<String, String> topics;
    private final Thread watcher;
    private volatile boolean watching = true;

    OrderTopics(String bootstrapServers, Consumer<ConsumerRecord<String, String>> heard) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        topics = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.ORDERS_ASSIGNED, Topics.ORDERS_ACCEPTED)) {
            topics.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        topics.assign(partitions);
        topics.seekToEnd(partitions);
        partitions.forEach(topics::position);
        watcher = new Thread(() -> watch(heard), "bench-topics");
        watcher.start();
    }

    private void watch(Consumer<ConsumerRecord<String, String>> heard) {
        while (watching) {
            for (ConsumerRecord<String, String> record : topics.poll(Duration.ofMillis(10))) {
                try {
                    heard.accept(record);
                } catch (RuntimeException e) {
                    System.err.printf("bench: cannot read %s record %s: %s%n", record.topic(), record.key(), e);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        watcher.join();
        topics.close();
    }
}
