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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
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

    private final KafkaProducer<String, String> producer;
    private final TopicLog topics;

    public EventProbe(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
        this.topics = new TopicLog(bootstrapServers);
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
    public List<ConsumerRecord<String, String>> first(int count, String topic,
            Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        return topics.first(count, topic, match, timeout);
    }

    /**
     * Every record the topic holds now: waits until the probe has read each of its partitions up to the end it has at
     * the time of asking, and no longer.
     */
    public List<ConsumerRecord<String, String>> published(String topic) {
        return topics.published(topic);
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
        topics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
