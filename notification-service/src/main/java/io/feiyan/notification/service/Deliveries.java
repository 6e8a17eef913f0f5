package io.feiyan.notification.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.notification.channels.Channel;
import io.feiyan.notification.channels.Message;
import io.feiyan.notification.channels.Outcome;
import io.feiyan.notification.domain.Kind;
import io.feiyan.notification.domain.NotificationChannel;
import io.feiyan.notification.domain.Recipient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends the delivery log's due notifications, each once: a round claims due rows (WAITING → SENDING, committed, locked
 * rows skipped so instances share the work), sends them on their channels side by side, and records each outcome
 * (SENT; WAITING again after a growing pause for a passing failure, FAILED after too many; UNREACHABLE with no live
 * address). A row left SENDING by a crash between sending and recording is sent again once its lease has run out, and
 * counted as a possible repeat. It sleeps until woken by a commit that wrote rows, or until the next row falls due.
 */
@ApplicationScoped
public class Deliveries {
    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    /** The shortest sleep: rows due but locked by another instance are not looked at again at once. */
    private static final Duration SHORTEST_SLEEP = Duration.ofMillis(20);
    /** The longest sleep with nothing due: leases of rows in flight are looked at this often. */
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(30);
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    /** Said after a transaction that wrote delivery rows commits. */
    public record Due() {
    }

    /** A claimed row: what to send to whom, and whether it may have been sent already. */
    record Claimed(UUID id, Kind kind, Recipient recipient, NotificationChannel channel, UUID orderId,
            boolean critical, Map<String, String> params, int attempts, boolean repeat) {
    }

    private final EntityManager entityManager;
    private final Texts texts;
    private final DeliveryMetrics metrics;
    private final NotificationConfig.Sending settings;
    private final ObjectMapper json;
    private final Map<NotificationChannel, Channel> channels = new EnumMap<>(NotificationChannel.class);
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService senders = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "notification-send");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private Thread thread;

    Deliveries(EntityManager entityManager, Texts texts, DeliveryMetrics metrics, NotificationConfig config,
            ObjectMapper json, Instance<Channel> channels) {
        this.entityManager = entityManager;
        this.texts = texts;
        this.metrics = metrics;
        this.settings = config.sending();
        this.json = json;
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "notification-deliveries");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        senders.shutdownNow();
    }

    void onDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            try {
                while (running && round() == settings.batchSize()) {
                    // a full round: there may be more due
                }
                Duration sleep = untilNextDue();
                if (wakeUp.tryAcquire(sleep.toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("notifications could not be sent now, will retry: %s", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sends one round of due notifications; how many it claimed. */
    int round() {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        if (claimed.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        List<Message> messages = claimed.stream()
                .map(row -> texts.message(row.id(), row.kind(), row.recipient(), row.orderId(), row.critical(),
                        row.params(), now))
                .toList();
        List<CompletableFuture<Outcome>> sends = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            Claimed row = claimed.get(i);
            Message message = messages.get(i);
            sends.add(CompletableFuture.supplyAsync(() -> send(row, message), senders));
        }
        List<Outcome> outcomes = sends.stream().map(CompletableFuture::join).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            List<UUID> sent = new ArrayList<>();
            for (int i = 0; i < claimed.size(); i++) {
                record(claimed.get(i), outcomes.get(i), sent);
            }
            if (!sent.isEmpty()) {
                update("update delivery set status = 'SENT', sent_at = now(), last_error = null where id in (?1)",
                        sent);
            }
        });
        return claimed.size();
    }

    private Outcome send(Claimed row, Message message) {
        Channel channel = channels.get(row.channel());
        if (channel == null) {
            return new Outcome.Unreachable("no " + row.channel() + " channel in this service");
        }
        try {
            return channel.send(row.recipient(), message);
        } catch (RuntimeException e) {
            return new Outcome.Failed(e.toString());
        }
    }

    private List<Claimed> claim() {
        entityManager.createNativeQuery("""
                update delivery set status = 'CANCELLED'
                where status = 'WAITING' and due_at <= now() and stale_after < now()""").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                update delivery d set status = 'SENDING', sending_since = now(), attempts = d.attempts + 1,
                    repeated = d.repeated or claimable.status = 'SENDING'
                from (select id, status from delivery
                      where (status = 'WAITING' and due_at <= now())
                         or (status = 'SENDING' and sending_since < now() - cast(?1 as interval))
                      order by due_at limit ?2 for update skip locked) claimable
                where d.id = claimable.id
                returning d.id, d.kind, d.recipient, d.channel, d.order_id, d.critical, cast(d.params as text),
                    d.attempts, claimable.status = 'SENDING'""")
                .setParameter(1, settings.lease().toSeconds() + " seconds")
                .setParameter(2, settings.batchSize())
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] row : rows) {
            claimed.add(new Claimed((UUID) row[0], Kind.valueOf((String) row[1]), new Recipient((String) row[2]),
                    NotificationChannel.valueOf((String) row[3]), (UUID) row[4], (Boolean) row[5],
                    params((String) row[6]), ((Number) row[7]).intValue(), (Boolean) row[8]));
        }
        return claimed;
    }

    /** Records the row's outcome; a sent row's id is added to {@code sent}, recorded with the round's others. */
    private void record(Claimed row, Outcome outcome, List<UUID> sent) {
        if (row.repeat()) {
            metrics.repeated(row.channel());
        }
        if (outcome instanceof Outcome.Sent) {
            sent.add(row.id());
            metrics.sent(row.channel());
        } else if (outcome instanceof Outcome.Unreachable unreachable) {
            update("update delivery set status = 'UNREACHABLE', last_error = left(?2, 500) where id = ?1",
                    row.id(), unreachable.reason());
            metrics.unreachable(row.channel());
        } else if (outcome instanceof Outcome.Failed failed) {
            metrics.failed(row.channel());
            if (row.attempts() >= settings.maxAttempts()) {
                LOG.warnf("gave up a %s %s to %s after %d tries: %s", row.channel(), row.kind(), row.recipient(),
                        row.attempts(), failed.reason());
                update("update delivery set status = 'FAILED', last_error = left(?2, 500) where id = ?1",
                        row.id(), failed.reason());
                metrics.gaveUp(row.channel());
            } else {
                update("""
                        update delivery set status = 'WAITING', due_at = ?3, last_error = left(?2, 500)
                        where id = ?1""", row.id(), failed.reason(), Instant.now().plus(pause(row.attempts())));
            }
        }
    }

    /** The pause after the n-th passing failure: doubling from the first, up to the longest. */
    Duration pause(int attempts) {
        Duration pause = settings.firstPause().multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(settings.maxPause()) > 0 ? settings.maxPause() : pause;
    }

    private Duration untilNextDue() {
        Object next = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select least((select min(due_at) from delivery where status = 'WAITING'),
                    (select min(sending_since) from delivery where status = 'SENDING') + cast(?1 as interval))""")
                .setParameter(1, settings.lease().toSeconds() + " seconds")
                .getSingleResult());
        if (next == null) {
            return LONGEST_SLEEP;
        }
        Instant at = next instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) next;
        Duration until = Duration.between(Instant.now(), at);
        if (until.compareTo(SHORTEST_SLEEP) < 0) {
            return SHORTEST_SLEEP;
        }
        return until.compareTo(LONGEST_SLEEP) > 0 ? LONGEST_SLEEP : until.plusMillis(5);
    }

    private void update(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }

    private Map<String, String> params(String text) {
        try {
            return json.readValue(text, PARAMS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
