package io.feiyan.bench;

import io.feiyan.servers.EmbeddedKafka;
import io.feiyan.servers.Folders;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a consumer's way of polling costs: one consumer, as the services' channels consume, on an embedded broker of
 * its own, for each way of polling — the group protocol, the broker's longest wait for a fetch, the consumer's poll
 * timeout. It prints the CPU the consumer's threads use with nothing to read (20 s), and the latency from produce to
 * consume of 300 records sent 10 a second, the quiet rate where a poll that waits out its timeout shows.
 *
 * <p>{@code java -cp "bench/runner/target/feiyan-bench-0.1.0-SNAPSHOT.jar:bench/runner/target/lib/*"
 * io.feiyan.bench.ConsumerPolling}
 */
public final class ConsumerPolling {
    private static final String TOPIC = "polling";
    private static final Duration IDLE = Duration.ofSeconds(20);
    private static final int RECORDS = 300;

    /** A way of polling: the group protocol, fetch.max.wait.ms, the poll timeout. */
    record Way(String protocol, int fetchMaxWaitMs, int pollTimeoutMs) {
    }

    private ConsumerPolling() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        for (Way way : List.of(new Way("consumer", 100, 10), new Way("consumer", 500, 1000),
                new Way("classic", 500, 1000))) {
            System.out.println(measure(way));
        }
        System.exit(0);
    }

    private static String measure(Way way) throws Exception {
        Path logs = Files.createTempDirectory("feiyan-polling-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logs, 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, EmbeddedKafka.PARTITIONS, (short) 1))).all().get();
            }
            Latencies received = new Latencies();
            AtomicBoolean assigned = new AtomicBoolean();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread poller = new Thread(() -> {
                try (KafkaConsumer<String, Long> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "polling",
                        ConsumerConfig.GROUP_PROTOCOL_CONFIG, way.protocol(),
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, way.fetchMaxWaitMs(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                        new StringDeserializer(), new LongDeserializer())) {
                    consumer.subscribe(List.of(TOPIC));
                    while (running.get()) {
                        for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(way.pollTimeoutMs()))) {
                            received.add(System.nanoTime() - record.value());
                        }
                        assigned.compareAndSet(false, consumer.assignment().size() == EmbeddedKafka.PARTITIONS);
                    }
                }
            }, "polling-consumer");
            poller.start();
            while (!assigned.get()) {
                Thread.sleep(100);
            }
            long before = consumerCpuNanos();
            Thread.sleep(IDLE.toMillis());
            double idleCores = (consumerCpuNanos() - before) / (double) IDLE.toNanos();
            try (KafkaProducer<String, Long> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new LongSerializer())) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "key-" + i, System.nanoTime()));
                    Thread.sleep(100);
                }
            }
            while (received.count() < RECORDS && poller.isAlive()) {
                Thread.sleep(100);
            }
            running.set(false);
            poller.join();
            return String.format("%-8s fetch.max.wait.ms %4d, poll %4d ms: idle %.4f cores; produce→consume at 10/s,"
                    + " p50 / p95 / p99 %s", way.protocol(), way.fetchMaxWaitMs(), way.pollTimeoutMs(), idleCores,
                    received.summary());
        } finally {
            Folders.deleteQuietly(logs);
        }
    }

    /** CPU of the consumer's threads: the polling thread, and the async consumer's background thread. */
    private static long consumerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith("polling-consumer")
                    || thread.getThreadName().startsWith("consumer_background")
                    || thread.getThreadName().startsWith("kafka-coordinator-heartbeat"))) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos;
    }
}
