package io.feiyan.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.CloudEvents;
import io.feiyan.events.TimeOrderedIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The records this service could not process, each with its reason: kept in its {@code dead_letter} table (where
 * an operator lists and replays them, {@link DeadLetterResource}) and sent, through the outbox, to its dead-letter
 * topic {@code deadletter.<service>} with the connector's dead-letter headers ({@code dead-letter-reason},
 * {@code dead-letter-topic}, {@code -partition}, {@code -offset}, ...). A record is dead-lettered once, however often
 * it is delivered: its topic, partition and offset are the table's key. Counted in
 * {@code feiyan_dead_letters_total{topic}} once the dead letter has committed.
 */
@ApplicationScoped
public class DeadLetters {
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    /** A dead letter's columns, in the order {@link #deadLetter} reads them. */
    private static final String SELECT = """
            select id, channel, topic, record_partition, record_offset, record_key, record_value, headers, reason,
                dead_lettered_at, times, replayed_at
            from dead_letter""";

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final String topic;

    DeadLetters(EntityManager entityManager, Outbox outbox, ObjectMapper json, MeterRegistry registry,
            TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "feiyan.dead-letters.topic") String topic) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.json = json;
        this.registry = registry;
        this.transactions = transactions;
        this.topic = topic;
    }

    /** A dead letter as kept: the record as it came, why it could not be processed, and whether it was replayed. */
    public record DeadLetter(UUID id, String channel, String topic, int partition, long offset, String key,
            String value, Map<String, String> headers, String reason, Instant deadLetteredAt, int times,
            Instant replayedAt) {

        /** The record as it first came, to be handled again. */
        ConsumerRecord<String, String> asRecord() {
            return new ConsumerRecord<>(topic, partition, offset, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                    ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, key, value, OutboxRelay.headers(headers),
                    Optional.empty());
        }
    }

    /**
     * Sets the record aside, in the caller's transaction. A record set aside before (delivered again, or replayed
     * and failing again) is sent to the dead-letter topic again only when replayed: its row says how many times.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(ConsumerRecord<String, String> record, String channel, Throwable failure) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(header -> headers.put(header.key(),
                header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
        String reason = reasonOf(failure);
        int updated = entityManager.createNativeQuery("""
                insert into dead_letter (id, channel, topic, record_partition, record_offset, record_key, record_value,
                    headers, reason, dead_lettered_at, times)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now(), 1)
                on conflict (topic, record_partition, record_offset) do update
                    set reason = excluded.reason, dead_lettered_at = now(), times = dead_letter.times + 1,
                        replayed_at = null
                    where dead_letter.replayed_at is not null""")
                .setParameter(1, TimeOrderedIds.next())
                .setParameter(2, channel)
                .setParameter(3, record.topic())
                .setParameter(4, record.partition())
                .setParameter(5, record.offset())
                .setParameter(6, record.key())
                .setParameter(7, record.value())
                .setParameter(8, toJson(headers))
                .setParameter(9, reason)
                .executeUpdate();
        if (updated == 0) {
            return; // dead-lettered already, and not replayed since: a redelivery
        }
        outbox.publishDeadLetter(topic, record.key(), headers.get(CloudEvents.TYPE), record.value(),
                deadLetterHeaders(record, failure, reason, headers));
        String from = record.topic();
        AfterCommit.run(transactions, () -> counter(from).increment());
    }

    /** The headers of the connector's own dead-letter queue, then the record's own. */
    private static Map<String, String> deadLetterHeaders(ConsumerRecord<String, String> record, Throwable failure,
            String reason, Map<String, String> original) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("dead-letter-exception-class-name", failure.getClass().getName());
        headers.put("dead-letter-reason", reason);
        if (failure.getCause() != null) {
            headers.put("dead-letter-cause-class-name", failure.getCause().getClass().getName());
            headers.put("dead-letter-cause", reasonOf(failure.getCause()));
        }
        headers.put("dead-letter-topic", record.topic());
        headers.put("dead-letter-partition", Integer.toString(record.partition()));
        headers.put("dead-letter-offset", Long.toString(record.offset()));
        original.forEach(headers::putIfAbsent);
        return headers;
    }

    private static String reasonOf(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    /** The dead letters, newest first; with {@code waiting}, only those not replayed. */
    @Transactional
    public List<DeadLetter> list(boolean waiting, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SELECT
                        + " where (?1 = false or replayed_at is null) order by dead_lettered_at desc limit ?2")
                .setParameter(1, waiting)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(this::deadLetter).toList();
    }

    @Transactional
    public Optional<DeadLetter> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SELECT + " where id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(this::deadLetter);
    }

    /** Marks it replayed, in the replay's transaction: a failure of the replay takes this back. */
    @Transactional(Transactional.TxType.MANDATORY)
    void replayed(UUID id) {
        entityManager.createNativeQuery("update dead_letter set replayed_at = now() where id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }

    private DeadLetter deadLetter(Object[] row) {
        try {
            return new DeadLetter((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                    ((Number) row[4]).longValue(), (String) row[5], (String) row[6], json.readValue((String) row[7], HEADERS),
                    (String) row[8], SqlTime.instant(row[9]), ((Number) row[10]).intValue(),
                    row[11] == null ? null : SqlTime.instant(row[11]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + row[0] + " has unreadable headers", e);
        }
    }

    private String toJson(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise headers", e);
        }
    }

    private Counter counter(String from) {
        return Counter.builder("feiyan.dead.letters")
                .description("Messages this service could not process and sent to its dead-letter topic")
                .tag("topic", from)
                .register(registry);
    }
}
