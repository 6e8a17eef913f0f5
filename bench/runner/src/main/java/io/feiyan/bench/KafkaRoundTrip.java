package io.feiyan.bench;

import io.feiyan.servers.EmbeddedKafka;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker's own limit, with the producer settings the services' outbox relay uses (acks=all, idempotent,
 * no linger) and a consumer as the services' connector reads: records of an event's size go through a topic
 * of the system's partition count, and each is timed from {@code send} to the consumer's {@code poll}.
 */
final class KafkaRoundTrip implements AutoCloseable {
    record Figures(Latencies latencies, double perSecond) {
    }

    /** How the consumer polls: its group protocol, the broker's longest wait for a fetch, its poll timeout. */
    record Polling(String protocol, int fetchMaxWaitMs, int pollTimeoutMs) {
        /** The round trip's own: the client's defaults, polled every 50 ms. */
        static final Polling DEFAULT = new Polling("classic", 500, 50);
    }

    private static final String READER = "bench-kafka-reader";
    private static final int RECORD_BYTES = 400;
    /** The consumer's threads by name: the reader that polls, and the client's own. */
    private static final List<String> CONSUMER_THREADS = List.of(READER, "consumer_background",
            "kafka-coordinator-heartbeat");

    private final String topic = "bench.roundtrip." + UUID.randomUUID();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Admin admin;
    private final Polling polling;

    KafkaRoundTrip(String bootstrapServers) throws Exception {
        this(bootstrapServers, Polling.DEFAULT);
    }

    KafkaRoundTrip(String bootstrapServers, Polling polling) throws Exception {
        this.polling = polling;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        try {
            admin.createTopics(List.of(new NewTopic(topic, EmbeddedKafka.PARTITIONS, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties produce = new Properties();
        produce.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        produce.put(ProducerConfig.ACKS_CONFIG, "all");
        produce.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        produce.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(produce, new StringSerializer(), new ByteArraySerializer());
        Properties consume = new Properties();
        consume.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consume.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        consume.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consume.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, polling.protocol());
        consume.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, polling.fetchMaxWaitMs());
        consumer = new KafkaConsumer<>(consume, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().size() < EmbeddedKafka.PARTITIONS) {
            consumer.poll(Duration.ofMillis(100));
        }
    }

    /** Sends {@code perSecond} records a second, evenly spaced; the latencies are those sent after the warm-up. */
    Figures atRate(int perSecond, Duration warmUp, Duration window) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong received = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = reader(reading, latencies, measuredFrom, received);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long warmUpEnd = start + warmUp.toNanos();
        long end = warmUpEnd + window.toNanos();
        long sent = 0;
        for (long next = start; next < end; next += interval) {
            LockSupport.parkNanos(next - System.nanoTime());
            if (next >= warmUpEnd && measuredFrom.get() == Long.MAX_VALUE) {
                measuredFrom.set(System.nanoTime());
            }
            send(null);
            sent++;
        }
        awaitReceived(received, sent);
        reading.set(false);
        reader.join();
        return new Figures(latencies, perSecond);
    }

    /** Sends as fast as the producer takes records, for the window; what a second the consumer received. */
    Figures atMost(Duration warmUp, Duration window) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong measuredFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong received = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = reader(reading, latencies, measuredFrom, received);
        Semaphore inFlight = new Semaphore(20_000);
        long start = System.nanoTime();
        long warmUpEnd = start + warmUp.toNanos();
        long end = warmUpEnd + window.toNanos();
        long sent = 0;
        long receivedAtWarmUpEnd = -1;
        long now;
        while ((now = System.nanoTime()) < end) {
            if (now >= warmUpEnd && receivedAtWarmUpEnd < 0) {
                receivedAtWarmUpEnd = received.get();
                measuredFrom.set(now);
            }
            inFlight.acquire();
            send(inFlight);
            sent++;
        }
        double perSecond = (received.get() - receivedAtWarmUpEnd) / (window.toNanos() / 1e9);
        awaitReceived(received, sent);
        reading.set(false);
        reader.join();
        return new Figures(latencies, perSecond);
    }

    /**
     * The cores the consumer uses over the window with nothing to read: the thread that polls, and the client's own
     * (the async consumer's background thread, the classic one's heartbeat).
     */
    double idleCores(Duration window) throws InterruptedException {
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = reader(reading, new Latencies(), new AtomicLong(Long.MAX_VALUE), new AtomicLong());
        long before = consumerCpuNanos();
        Thread.sleep(window.toMillis());
        long used = consumerCpuNanos() - before;
        reading.set(false);
        reader.join();
        return used / (double) window.toNanos();
    }

    private static long consumerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && CONSUMER_THREADS.stream().anyMatch(thread.getThreadName()::startsWith)) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return nanos;
    }

    /** Sends one record stamped with the time it is sent; releases a place in flight, if given, when acked. */
    private void send(Semaphore inFlight) {
        byte[] value = new byte[RECORD_BYTES];
        ByteBuffer.wrap(value).putLong(System.nanoTime());
        producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value), (metadata, error) -> {
            if (inFlight != null) {
                inFlight.release();
            }
            if (error != null) {
                throw new IllegalStateException("the broker refused a record", error);
            }
        });
    }

    private Thread reader(AtomicBoolean reading, Latencies latencies, AtomicLong measuredFrom, AtomicLong received) {
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                Duration timeout = Duration.ofMillis(polling.pollTimeoutMs());
                for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
                    long now = System.nanoTime();
                    long sentAt = ByteBuffer.wrap(record.value()).getLong();
                    if (sentAt >= measuredFrom.get()) {
                        latencies.add(now - sentAt);
                    }
                    received.incrementAndGet();
                }
            }
        }, READER);
        reader.start();
        return reader;
    }

    private static void awaitReceived(AtomicLong received, long sent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (received.get() < sent) {
            throw new IllegalStateException("the consumer received " + received.get() + " of " + sent + " records");
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
        admin.deleteTopics(List.of(topic));
        admin.close(Duration.ofSeconds(5));
    }
}
