package io.feiyan.platform.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka, oldest first, and deletes them once Kafka has them. It wakes when a
 * transaction of this instance that published commits, looks at once on start and after a failed send (a broker
 * away), and otherwise only now and then (idle poll) for rows no wake-up told it of: another instance's, left by
 * its crash. Delivery is at least once: a row sent but not yet deleted is sent again after
 * a crash, and consumers drop the duplicate by its event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final String bootstrapServers;
    private final String source;
    private final Duration idlePoll;
    private final int batchSize;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;

    OutboxRelay(EntityManager entityManager, ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "feiyan.outbox.relay.idle-poll") Duration idlePoll,
            @ConfigProperty(name = "feiyan.outbox.relay.batch-size") int batchSize) {
        this.entityManager = entityManager;
        this.json = json;
        this.bootstrapServers = bootstrapServers;
        this.source = CloudEvents.source(serviceName);
        this.idlePoll = idlePoll;
        this.batchSize = batchSize;
    }

    void start(@Observes StartupEvent startup) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look for new rows now rather than at its next idle poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        // rows may wait unsent at start (a crash, a broker away) and after a failure: look without waiting
        boolean mayBeWaiting = true;
        while (running) {
            try {
                if (!mayBeWaiting) {
                    wakeUp.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUp.drainPermits();
                while (running && relayBatch() == batchSize) {
                    // a full batch: there may be more waiting
                }
                mayBeWaiting = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay could not send, will retry: %s", e.getMessage());
                pause();
                mayBeWaiting = true;
            }
        }
    }

    /**
     * Sends one batch in one transaction and deletes its rows: the table holds only what waits, so it stays small
     * however long the service runs. The rows stay locked until then, so another relay skips them.
     */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select id, aggregateid, type, payload, occurred_at, traceparent, destination, headers from outbox
                    order by seq limit ?1 for update skip locked""")
                    .setParameter(1, batchSize)
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            // losing this commit in a crash only sends the rows again, and consumers drop repeats by their ids
            entityManager.createNativeQuery("set local synchronous_commit = off").executeUpdate();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                ids.add((UUID) row[0]);
                acks.add(producer.send(row[6] != null
                        ? deadLetter((String) row[6], (String) row[1], (String) row[3], (String) row[7])
                        : toRecord((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                                SqlTime.instant(row[4]), (String) row[5])));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            entityManager.createNativeQuery("delete from outbox where id in (?1)")
                    .setParameter(1, ids)
                    .executeUpdate();
            return rows.size();
        });
    }

    private ProducerRecord<String, String> toRecord(UUID id, String key, String ceType, String payload,
            Instant occurredAt, String traceparent) {
        EventType type = EventType.byCeType(ceType)
                .orElseThrow(() -> new IllegalStateException("outbox row " + id + " has unknown type " + ceType));
        RecordHeaders headers = headers(CloudEvents.headers(id, ceType, source, key, occurredAt));
        if (traceparent != null) {
            // W3C trace context: the consumers' Kafka connector continues the trace from this header
            headers.add(CloudEvents.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(type.topic(), null, key, payload, headers);
    }

    /** A record set aside by {@link DeadLetters}: to the dead-letter topic, as it came, with the reason's headers. */
    private ProducerRecord<String, String> deadLetter(String topic, String key, String value, String headersJson)
            throws java.io.IOException {
        return new ProducerRecord<>(topic, null, key.isEmpty() ? null : key, value,
                headers(json.readValue(headersJson, HEADERS)));
    }

    /** Kafka headers of these names and (UTF-8) values, in their order. */
    static RecordHeaders headers(Map<String, String> values) {
        RecordHeaders headers = new RecordHeaders();
        values.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private void pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
