package io.feiyan.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.Event;
import io.feiyan.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's hands on the real broker: publishes events as a service would (CloudEvents headers, the aggregate id as
 * key), sends raw bytes for poison-message tests, and reads what the services published.
 *
 * <p>One probe serves a whole test run on its broker: a single consumer reads every topic from its start into memory
 * as records arrive, and a test waiting for events is woken the moment they are there — no consumer made per question,
 * no polling interval. Services' tests get it injected ({@link InjectEventProbe}); system tests make one per system.
 */
public final class EventProbe implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** How often the reader looks for topics made since it last looked. */
    private static final Duration NEW_TOPICS = Duration.ofMillis(250);

    private final KafkaProducer<String, String> producer;
    private final Admin admin;
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean closed;

    // guarded by this: what the reader has read, by topic, and how far it has read each partition
    private final Map<String, List<ConsumerRecord<String, String>>> log = new HashMap<>();
    private final Map<TopicPartition, Long> readTo = new HashMap<>();
    private RuntimeException readerFailure;

    public EventProbe(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new StringDeserializer(), new StringDeserializer());
        this.reader = new Thread(this::read, "event-probe");
        reader.setDaemon(true);
        reader.start();
    }

    /** Publishes the event with a new event id, which it returns. */
    public UUID publish(Event event) {
        UUID id = UUID.randomUUID();
        publish(event, id);
        return id;
    }

    /** Publishes the event under the given event id: twice with one id is a redelivery. */
    public void publish(Event event, UUID id) {
        EventType type = EventType.of(event);
        RecordHeaders headers = new RecordHeaders();
        CloudEvents.headers(id, type.ceType(), CloudEvents.source("test"), event.key(), Instant.now())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(type.topic(), null, event.key(), toJson(event), headers));
    }

    /** Sends anything at all, for tests of what a consumer does with a message it cannot read. */
    public void sendRaw(String topic, String key, String value, Map<String, String> headers) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, v) -> kafkaHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(topic, null, key, value, kafkaHeaders));
    }

    /** Waits for the first record on the topic that matches, reading the topic from its start. */
    public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        return find(topic, match, timeout)
                .orElseThrow(() -> new AssertionError("no matching record on " + topic + " within " + timeout));
    }

    /** The first record on the topic that matches within the timeout, reading the topic from its start. */
    public Optional<ConsumerRecord<String, String>> find(String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        return first(1, topic, match, timeout).stream().findFirst();
    }

    /**
     * The first {@code count} matching records on the topic, reading it from its start, as soon as there are that
     * many (fewer if the timeout passes first).
     */
    public synchronized List<ConsumerRecord<String, String>> first(int count, String topic,
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
    public List<ConsumerRecord<String, String>> published(String topic) {
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

    public static Predicate<ConsumerRecord<String, String>> keyed(Object key) {
        return record -> key.toString().equals(record.key());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static <T> T payload(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return JSON.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + record.value(), e);
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

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Event event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
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
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
