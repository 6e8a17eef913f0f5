package io.feiyan.notification.push;

import io.feiyan.notification.channels.DeadAddresses;
import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The people's push subscriptions (table push_subscription), each bound to the person who made it. Reads too run in a
 * transaction: the delivery loop sends from threads of its own, where no request scope would hold a session.
 */
@ApplicationScoped
@Transactional
public class PushSubscriptions {
    private final EntityManager entityManager;
    private final Clock clock;
    private final DeadAddresses deadAddresses;

    PushSubscriptions(EntityManager entityManager, DeadAddresses deadAddresses) {
        this.entityManager = entityManager;
        this.clock = Clock.systemUTC();
        this.deadAddresses = deadAddresses;
    }

    /**
     * Keeps the subscription for the person. A browser has one subscription per app: signed in as someone else on
     * the same phone, it is theirs from now on.
     */
    public void keep(String feiyanId, Subscription subscription) {
        entityManager.createNativeQuery("""
                insert into push_subscription (endpoint, feiyan_id, p256dh, auth, created_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (endpoint) do update set feiyan_id = excluded.feiyan_id, p256dh = excluded.p256dh,
                    auth = excluded.auth, created_at = excluded.created_at""")
                .setParameter(1, subscription.endpoint()).setParameter(2, feiyanId)
                .setParameter(3, subscription.p256dh()).setParameter(4, subscription.auth())
                .setParameter(5, Instant.now(clock)).executeUpdate();
    }

    /** Forgets the person's subscription at this endpoint (the app turned notifications off); someone else's stays. */
    public void forget(String feiyanId, String endpoint) {
        entityManager.createNativeQuery("delete from push_subscription where endpoint = ?1 and feiyan_id = ?2")
                .setParameter(1, endpoint).setParameter(2, feiyanId).executeUpdate();
    }

    public List<Subscription> of(String feiyanId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select endpoint, p256dh, auth from push_subscription where feiyan_id = ?1 order by created_at")
                .setParameter(1, feiyanId).getResultList();
        return rows.stream().map(row -> new Subscription((String) row[0], (String) row[1], (String) row[2])).toList();
    }

    public boolean any(String feiyanId) {
        return !entityManager.createNativeQuery("select 1 from push_subscription where feiyan_id = ?1 limit 1")
                .setParameter(1, feiyanId).getResultList().isEmpty();
    }

    /**
     * The push service said the subscription is gone (the app uninstalled, the permission withdrawn, expired): it is
     * dropped, and reported as a dead address of the recipient.
     */
    public void dropDead(Recipient recipient, String endpoint, String reason) {
        entityManager.createNativeQuery("delete from push_subscription where endpoint = ?1")
                .setParameter(1, endpoint).executeUpdate();
        deadAddresses.report(NotificationChannel.PUSH, recipient, reason);
    }
}
