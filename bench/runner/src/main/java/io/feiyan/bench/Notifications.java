package io.feiyan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.LocalPushService;
import io.feiyan.testkit.LocalSmsc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The channels' servers that notification-service tells people through, played on this machine as the system tests
 * play them: a local SMSC (a real SMPP server) it texts residents through, and a local push service that checks each
 * message's VAPID signature and decrypts it, where the people the load uses subscribe as the app does. For a window's
 * orders it gives how late their notifications reached the channel's server after the event that caused them: a push
 * when the push service took it ({@link LocalPushService.Received#at()}, its orderId and kind in the decrypted
 * message), an SMS when the SMSC acknowledged it as the delivery log records it ({@code sent_at}: the local SMSC keeps
 * no time nor order of what it takes). Both from the event's own time, as the log records it ({@code event_at}).
 */
final class Notifications implements AutoCloseable {
    /** Figures of one window's orders. */
    record Figures(Latencies push, Latencies pushLogged, Latencies sms, Map<String, Counts> byChannel, int unsent,
            int pushNotFound) {
    }

    /** What became of a window's notifications on one channel. */
    record Counts(long sent, long failed, long repeated, long unreachable) {
        /** One notification: sent, given up after passing failures (failed), or with no live address. */
        static Counts of(String status, boolean repeated) {
            return new Counts("SENT".equals(status) ? 1 : 0, "FAILED".equals(status) ? 1 : 0, repeated ? 1 : 0,
                    "UNREACHABLE".equals(status) ? 1 : 0);
        }

        Counts plus(Counts other) {
            return new Counts(sent + other.sent, failed + other.failed, repeated + other.repeated,
                    unreachable + other.unreachable);
        }
    }

    /** The kinds measured: a team lead's new offer (OrderAssigned), the volunteer's and resident's accepted order. */
    private static final List<String> MEASURED = List.of("OFFER_NEW", "ORDER_ACCEPTED");
    private static final String SYSTEM_ID = "feiyan-bench";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSmsc smsc;
    private final LocalPushService push;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The push endpoint of each person subscribed, by recipient ({@code person:<feiyanId>}). */
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();

    private Notifications(LocalSmsc smsc, LocalPushService push) {
        this.smsc = smsc;
        this.push = push;
    }

    /**
     * Starts the SMSC and the push service, and has notification-service, once started, text through this SMSC, with
     * no quiet hours (the benchmark runs at any hour): to be called before the system starts.
     */
    static Notifications start() {
        LocalSmsc smsc = LocalSmsc.start(SYSTEM_ID, UUID.randomUUID().toString().substring(0, 8));
        String options = FeiyanSystem.SERVICE_OPTIONS + FeiyanService.NOTIFICATION.moduleName();
        System.setProperty(options, String.join(" ", System.getProperty(options, ""),
                "-Dfeiyan.notification.quiet-hours=00:00-00:00",
                "-Dfeiyan.notification.sms.enabled=true", "-Dfeiyan.notification.sms.host=localhost",
                "-Dfeiyan.notification.sms.port=" + smsc.port(),
                "-Dfeiyan.notification.sms.system-id=" + smsc.systemId(),
                "-Dfeiyan.notification.sms.password=" + smsc.password()).trim());
        return new Notifications(smsc, LocalPushService.start());
    }

    /**
     * Each person signs in and turns notifications on in the app: a subscription at the local push service for the
     * server's key, POSTed to notification-service with their token. A few at a time: signing in costs Keycloak a
     * password hash each.
     */
    void subscribe(FeiyanSystem system, Collection<Identity> people) throws Exception {
        String base = system.url(FeiyanService.NOTIFICATION) + "/api/notifications/push";
        HttpResponse<String> key = http.send(HttpRequest.newBuilder(URI.create(base + "/key")).build(),
                HttpResponse.BodyHandlers.ofString());
        String serverKey = JSON.readTree(key.body()).path("publicKey").asText();
        ExecutorService signingIn = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Identity who : people) {
                done.add(signingIn.submit(() -> {
                    LocalPushService.Subscriber subscriber = push.subscribe(serverKey);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/subscriptions"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + system.tokens().tokenFor(who))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(subscriber.toJson())))
                            .build();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 204) {
                        throw new IllegalStateException("subscribing " + who.subject() + ": " + status);
                    }
                    endpoints.put("person:" + who.subject(), subscriber.endpoint());
                    return null;
                }));
            }
            for (Future<?> subscribed : done) {
                subscribed.get();
            }
        } finally {
            signingIn.shutdownNow();
        }
    }

    int subscribed() {
        return endpoints.size();
    }

    /**
     * The window's orders' notifications, once every one of them is sent (or none has moved for {@code stalled}): how
     * late each came, and per channel what became of them.
     */
    Figures of(FeiyanSystem system, Collection<UUID> orders, Duration stalled) throws InterruptedException {
        try (Connection db = log(system)) {
            int unsent = awaitSent(db, orders, stalled);
            return figures(rows(db, orders), unsent);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notification's delivery log", e);
        }
    }

    /** Until the accepted orders' notifications are sent, so that the next window starts with no backlog. */
    void awaitSent(FeiyanSystem system, Collection<UUID> acceptedOrders, Duration stalled)
            throws InterruptedException {
        try (Connection db = log(system)) {
            awaitSent(db, acceptedOrders, stalled);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notification's delivery log", e);
        }
    }

    private static Connection log(FeiyanSystem system) throws SQLException {
        return DriverManager.getConnection(system.jdbcUrl(FeiyanService.NOTIFICATION), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
    }

    /** One row of the delivery log. */
    private record Delivery(UUID order, String kind, String recipient, String channel, String status,
            Instant eventAt, Instant sentAt, boolean repeated) {
    }

    /**
     * Until each order has its accepted notification in the log (notification-service has read the events) and none
     * that is due waits to be sent (so the next window starts with no backlog; a reminder due later is not waited
     * for, a measured one waiting to be tried again is); how many still wait when it gives up.
     */
    private static int awaitSent(Connection db, Collection<UUID> orders, Duration stalled)
            throws SQLException, InterruptedException {
        long lastMoved = System.nanoTime();
        long best = -1;
        while (true) {
            long logged;
            int waiting;
            try (PreparedStatement query = db.prepareStatement("""
                    select count(distinct order_id) filter (where kind = 'ORDER_ACCEPTED'),
                           count(*) filter (where status in ('WAITING', 'SENDING')
                                                  and (due_at <= now() or kind = any(?)))
                    from delivery where order_id = any(?)""")) {
                query.setArray(1, db.createArrayOf("varchar", MEASURED.toArray()));
                query.setArray(2, db.createArrayOf("uuid", orders.toArray()));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    logged = row.getLong(1);
                    waiting = row.getInt(2);
                }
            }
            if (logged == orders.size() && waiting == 0) {
                return 0;
            }
            long progress = logged * 1_000_000L - waiting;
            if (progress > best) {
                best = progress;
                lastMoved = System.nanoTime();
            } else if (System.nanoTime() - lastMoved > stalled.toNanos()) {
                return waiting + (int) (orders.size() - logged);
            }
            Thread.sleep(1000); // each poll reads every delivery of the orders: PostgreSQL work counted as the system's
        }
    }

    private static List<Delivery> rows(Connection db, Collection<UUID> orders) throws SQLException {
        List<Delivery> rows = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                select order_id, kind, recipient, channel, status, event_at, sent_at, repeated
                from delivery where order_id = any(?)""")) {
            query.setArray(1, db.createArrayOf("uuid", orders.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    OffsetDateTime sent = row.getObject(7, OffsetDateTime.class);
                    rows.add(new Delivery(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getObject(6, OffsetDateTime.class).toInstant(),
                            sent == null ? null : sent.toInstant(), row.getBoolean(8)));
                }
            }
        }
        return rows;
    }

    private Figures figures(List<Delivery> rows, int unsent) {
        Latencies push = new Latencies();
        Latencies pushLogged = new Latencies();
        Latencies sms = new Latencies();
        Map<String, Counts> byChannel = new TreeMap<>();
        Map<String, Map<String, Instant>> arrivals = new HashMap<>();
        int pushNotFound = 0;
        for (Delivery row : rows) {
            byChannel.merge(row.channel(), Counts.of(row.status(), row.repeated()), Counts::plus);
            if (!"SENT".equals(row.status()) || !MEASURED.contains(row.kind())) {
                continue;
            }
            if (row.channel().equals("SMS")) {
                sms.add(Duration.between(row.eventAt(), row.sentAt()).toNanos());
            } else if (row.channel().equals("PUSH")) {
                pushLogged.add(Duration.between(row.eventAt(), row.sentAt()).toNanos());
                String endpoint = endpoints.get(row.recipient());
                Instant arrived = endpoint == null ? null : arrivals.computeIfAbsent(endpoint, this::firstArrivals)
                        .get(row.order() + "/" + row.kind());
                if (arrived == null) {
                    pushNotFound++;
                } else {
                    push.add(Duration.between(row.eventAt(), arrived).toNanos());
                }
            }
        }
        return new Figures(push, pushLogged, sms, byChannel, unsent, pushNotFound);
    }

    /** When each message first reached the endpoint, by "orderId/kind" (a repeat comes later, and is not counted). */
    private Map<String, Instant> firstArrivals(String endpoint) {
        Map<String, Instant> first = new HashMap<>();
        for (LocalPushService.Received message : push.received(endpoint)) {
            JsonNode said = message.json();
            first.merge(said.path("orderId").asText() + "/" + said.path("kind").asText(), message.at(),
                    (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }

    /**
     * notification-service's own counts since it started (GET /api/notifications/counts, as an analyst): "PUSH sent
     * 1,234 · failed 0 · repeated 0 · unreachable 0 · waiting 0; SMS …"; and what the push service and the SMSC took
     * (the push service's refusals, if any).
     */
    String serviceCounts(FeiyanSystem system) {
        StringBuilder line = new StringBuilder();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    system.url(FeiyanService.NOTIFICATION) + "/api/notifications/counts"))
                    .header("Authorization", "Bearer " + system.tokens().tokenFor(Identity.analyst("bench-analyst")))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode channel : JSON.readTree(response.body())) {
                line.append(line.length() == 0 ? "" : "; ").append(String.format(
                        "%s sent %,d · failed %,d · repeated %,d · unreachable %,d · waiting %,d",
                        channel.path("channel").asText(), channel.path("sent").asLong(),
                        channel.path("failed").asLong(), channel.path("repeated").asLong(),
                        channel.path("unreachable").asLong(), channel.path("waiting").asLong()));
            }
        } catch (Exception e) {
            line.append("could not be read: ").append(e);
        }
        line.append(String.format("; the push service took %,d messages, the SMSC %,d texts",
                endpoints.values().stream().mapToInt(endpoint -> push.received(endpoint).size()).sum(),
                smsc.received().size()));
        if (!push.refused().isEmpty()) {
            line.append(String.format("; the push service refused %,d (first: %s)", push.refused().size(),
                    push.refused().get(0)));
        }
        return line.toString();
    }

    @Override
    public void close() {
        push.close();
        smsc.close();
    }
}
