package io.feiyan.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The probe's reading half: a single consumer reads every topic but Kafka's own from its start into memory as records
 * arrive, and wakes whoever waits for records the moment they are there.
 */
final class TopicLog implements AutoCloseable {
    /** How often the reader looks for topics made since it last looked. */
    private static final Duration NEW_TOPICS = Duration.ofMillis(250);

    private final Admin admin;
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean closed;

    // guarded by this: what the reader has read, by topic, and how far it has read each partition
    private final Map<String, List<ConsumerRecord<String, String>>> log = new HashMap<>();
    private final Map<TopicPartition, Long> readTo = new HashMap<>();
    private RuntimeException readerFailure;

    TopicLog(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new StringDeserializer(), new StringDeserializer());
        this.reader = new Thread(this::read, "event-probe");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The first {@code count} matching records on the topic, reading it from its start, as soon as there are that
     * many (fewer if the timeout passes first).
     */
    synchronized List<ConsumerRecord<String, String>> first(int count, String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            List<ConsumerRecord<String, String>> records = log.getOrDefault(topic, List.of());
            for (; seen < records.size() && found.size() < count; seen++) {
                if (match.test(records.get(seen))) {
                    found.add(records.get(seen));
                }
            }
            long left = deadline - System.nanoTime();
            if (found.size() >= count || left <= 0) {
                return found;
            }
            waitForRecords(left);
        }
    }

    /**
     * Every record the topic holds now: waits until the probe has read each of its partitions up to the end it has at
     * the time of asking, and no longer.
     */
    List<ConsumerRecord<String, String>> published(String topic) {
        Map<TopicPartition, Long> ends = endsOf(topic);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        synchronized (this) {
            while (!ends.entrySet().stream().allMatch(end -> readTo.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the probe did not read " + topic + " to its end " + ends + " in 30 s");
                }
                waitForRecords(left);
            }
            return List.copyOf(log.getOrDefault(topic, List.of()));
        }
    }

    /** The reader: every topic but Kafka's own, from its start, each record into the log as it arrives. */
    private void read() {
        try {
            long lookAgain = 0;
            while (!closed) {
                if (System.nanoTime() >= lookAgain) {
                    assignNewTopics();
                    lookAgain = System.nanoTime() + NEW_TOPICS.toNanos();
                }
                ConsumerRecords<String, String> records = consumer.poll(NEW_TOPICS);
                synchronized (this) {
                    records.forEach(record -> log.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record));
                    consumer.assignment().forEach(partition -> readTo.put(partition, consumer.position(partition)));
                    notifyAll();
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            synchronized (this) {
                readerFailure = e;
                notifyAll();
            }
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private void assignNewTopics() {
        Set<TopicPartition> all = new HashSet<>(consumer.assignment());
        Set<TopicPartition> added = new HashSet<>();
        consumer.listTopics(Duration.ofSeconds(10)).forEach((topic, partitions) -> {
            if (!topic.startsWith("__")) {
                partitions.forEach(info -> {
                    TopicPartition partition = new TopicPartition(topic, info.partition());
                    if (all.add(partition)) {
                        added.add(partition);
                    }
                });
            }
        });
        if (!added.isEmpty()) {
            consumer.assign(all);
            consumer.seekToBeginning(added);
        }
    }

    private Map<TopicPartition, Long> endsOf(String topic) {
        try {
            if (!admin.listTopics().names().get().contains(topic)) {
                return Map.of(); // no such topic: nothing was sent to it
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(info -> latest.put(new TopicPartition(topic, info.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) -> ends.put(partition, end.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits (holding this) until the reader adds records, or {@code nanos} pass. */
    private void waitForRecords(long nanos) {
        if (readerFailure != null) {
            throw new IllegalStateException("the event probe stopped reading", readerFailure);
        }
        if (closed) {
            throw new IllegalStateException("the event probe is closed");
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}
