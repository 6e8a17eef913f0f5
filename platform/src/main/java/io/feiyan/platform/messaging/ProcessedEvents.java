package io.feiyan.platform.messaging;

import io.feiyan.platform.messaging.IncomingRecords.Parsed;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The inbox's table, {@code processed_event}: the events each consumer has taken, claimed by inserting them first
 * (a unique-key conflict says "already done"), in the transaction that applies them.
 */
final class ProcessedEvents {
    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Claims the batch's event ids in one statement; returns those this consumer had not processed before. */
    Set<String> claim(List<Parsed> batch) {
        List<Parsed> events = batch.stream().filter(parsed -> parsed.event() != null).toList();
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        String[] consumers = events.stream().map(parsed -> parsed.record().topic()).toArray(String[]::new);
        UUID[] ids = events.stream().map(parsed -> parsed.event().id()).toArray(UUID[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> fresh = new HashSet<>();
            try (PreparedStatement claim = connection.prepareStatement("""
                    insert into processed_event (consumer, event_id)
                    select * from unnest(?::varchar[], ?::uuid[]) on conflict do nothing
                    returning consumer, event_id""")) {
                Array consumerArray = connection.createArrayOf("varchar", consumers);
                Array idArray = connection.createArrayOf("uuid", ids);
                claim.setArray(1, consumerArray);
                claim.setArray(2, idArray);
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1) + "/" + rows.getString(2));
                    }
                }
            }
            return fresh;
        });
    }

    /** How {@link #claim} names a claimed event: its consumer (the topic) and its id. */
    static String key(Parsed parsed) {
        return parsed.record().topic() + "/" + parsed.event().id();
    }
}
