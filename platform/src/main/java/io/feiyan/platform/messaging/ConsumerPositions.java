package io.feiyan.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Where the service's consumer stands in each partition, kept in the service's own database ({@code consumer_position})
 * in the transaction that applies the records ({@link Inbox}), and where it starts when it is given a partition.
 *
 * <p>The offsets a consumer group commits in Kafka follow the database, a little late. Usually they agree, or Kafka's
 * are a batch behind (a crash between the database's commit and Kafka's; the inbox drops what comes again). A
 * database restored from a backup is behind them: starting at Kafka's offsets would skip the events since the
 * backup, whose effects the restore took away. Starting at the database's own position takes them again, once each,
 * as the restored inbox has not seen them. A partition the database has no position for (a new database, a new
 * partition) starts where the group's committed offset, or {@code auto.offset.reset}, says, and that start is written
 * down at once, so that a backup holds a position for every partition the consumer has been given. When a partition
 * starts behind Kafka's offset, the database was restored: until every partition given has caught up with the records
 * it held then, the service changes nothing ({@link CatchingUp}).
 *
 * <p>The rebalance listener of the channel {@code orders} in every service (platform configuration).
 */
@ApplicationScoped
@Default // as well as the listener's name: the inbox asks for it by its type
@Identifier(ConsumerPositions.LISTENER)
public class ConsumerPositions implements KafkaConsumerRebalanceListener {
    static final String LISTENER = "feiyan-consumer-positions";
    private static final Logger LOG = Logger.getLogger(ConsumerPositions.class);

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final CatchingUp catchingUp;

    ConsumerPositions(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            CatchingUp catchingUp) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.catchingUp = catchingUp;
    }

    /**
     * Records, in the caller's transaction, that the records have been taken: each partition's position moves past
     * the last of them (never back: a dead letter replayed long after leaves the position where it is).
     */
    void advance(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        records.forEach(record -> next.merge(new TopicPartition(record.topic(), record.partition()),
                record.offset() + 1, Math::max));
        if (!next.isEmpty()) {
            write(next, "do update set next_offset = greatest(consumer_position.next_offset, excluded.next_offset)");
            if (catchingUp.isCatchingUp()) { // else every batch would register work that finds nothing to do
                AfterCommit.run(transactions, () -> catchingUp.moved(next));
            }
        }
    }

    /** Writes the positions, in the caller's transaction; what a position already there becomes, {@code onConflict}. */
    private void write(Map<TopicPartition, Long> next, String onConflict) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into consumer_position (topic, partition, next_offset)
                    select * from unnest(?::varchar[], ?::int[], ?::bigint[])
                    on conflict (topic, partition) """ + onConflict)) {
                upsert.setArray(1, connection.createArrayOf("varchar",
                        next.keySet().stream().map(TopicPartition::topic).toArray()));
                upsert.setArray(2, connection.createArrayOf("integer",
                        next.keySet().stream().map(TopicPartition::partition).toArray()));
                upsert.setArray(3, connection.createArrayOf("bigint", next.values().toArray()));
                upsert.executeUpdate();
            }
        });
    }

    /** The positions the database holds for these partitions; a partition it has none for is left out. */
    public Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = all();
        positions.keySet().retainAll(Set.copyOf(partitions));
        return positions;
    }

    /** Every position the database holds. */
    Map<TopicPartition, Long> all() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class).doReturningWork(
                connection -> {
                    Map<TopicPartition, Long> positions = new HashMap<>();
                    try (PreparedStatement select = connection.prepareStatement(
                            "select topic, partition, next_offset from consumer_position");
                            ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            positions.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                        }
                    }
                    return positions;
                }));
    }

    /**
     * Starts each partition given to the consumer where the database says it stands. A partition the database has no
     * position for starts where its group committed (or at its beginning), and that start is written down at once: a
     * backup taken before any record of it was taken still says where to start (else a restored database would start
     * such a partition at Kafka's offsets and skip everything since the backup).
     */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        catchingUp.given(partitions);
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = of(partitions);
        Map<TopicPartition, Long> starts = new HashMap<>();
        partitions.stream().filter(partition -> !positions.containsKey(partition))
                .forEach(partition -> starts.put(partition, consumer.position(partition)));
        if (!starts.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> write(starts, "do nothing"));
        }
        if (positions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(positions.keySet());
        boolean restored = false;
        for (Map.Entry<TopicPartition, Long> entry : positions.entrySet()) {
            OffsetAndMetadata kafkas = committed.get(entry.getKey());
            if (isBehind(kafkas, entry.getValue())) {
                LOG.warnf("%s: the database stands at %d, behind the %d its group committed (restored from a"
                        + " backup?): taking the %d records between again", entry.getKey(), entry.getValue(),
                        kafkas.offset(), kafkas.offset() - entry.getValue());
                restored = true;
            }
            consumer.seek(entry.getKey(), entry.getValue());
        }
        if (restored) {
            catchUpWith(consumer, partitions);
        }
    }

    /** Whether the database's position stands behind the offset its group committed: it was restored. */
    static boolean isBehind(OffsetAndMetadata committed, long position) {
        return committed != null && committed.offset() > position;
    }

    /**
     * The database was restored: the service catches up with every record its partitions hold now, not only with the
     * offsets its group committed. Those lag behind what the lost database had taken (by a batch or so, in each
     * partition, and in a partition whose position matched them by chance), and a service that took records the lost
     * database had taken as new ones could act on what it has not heard back yet.
     */
    private void catchUpWith(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            long end = ends.getOrDefault(partition, 0L);
            if (consumer.position(partition) < end) {
                catchingUp.behind(partition, end);
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        catchingUp.gone(partitions);
    }
}
