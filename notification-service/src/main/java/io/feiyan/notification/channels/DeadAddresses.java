package io.feiyan.notification.channels;

import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Reports an address a channel's server said is dead (an expired push subscription, a number that cannot take SMS), for
 * the people who can mend it to see: a row of {@code dead_address}, kept whatever becomes of the send's own
 * transaction.
 */
@ApplicationScoped
public class DeadAddresses {
    private final EntityManager entityManager;

    DeadAddresses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void report(NotificationChannel channel, Recipient recipient, String reason) {
        entityManager.createNativeQuery("insert into dead_address (channel, recipient, reason, found_at) "
                        + "values (:channel, :recipient, :reason, :foundAt)")
                .setParameter("channel", channel.name())
                .setParameter("recipient", recipient.id())
                .setParameter("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
                .setParameter("foundAt", Instant.now())
                .executeUpdate();
    }
}
