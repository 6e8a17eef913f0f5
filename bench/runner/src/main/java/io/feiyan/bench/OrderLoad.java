package io.feiyan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.events.Topics;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Identity;
import io.feiyan.servers.TokenIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Drives the running system as its users would: village volunteers place home-visit orders for the county's
 * residents through intake's REST API, and simulated teams accept each order as soon as it is offered to them and
 * complete it at once (so their capacity and the residents' open orders stay free). It times each order from
 * intake's 201 to its OrderAssigned and OrderAccepted records on the topics, read as an analytics consumer would, and
 * its notifications from those events to the channels' servers ({@link Notifications}).
 */
final class OrderLoad implements AutoCloseable {
    /** One measured window's figures. */
    record Figures(HttpLoad.Figures post, Latencies assigned, Latencies accepted, double assignedPerSecond,
            int placed, int neverAssigned, int neverAccepted, Map<String, Double> cpuPerOrder, long seconds,
            Notifications.Figures notified) {
    }

    /** A resident of the county, as intake holds them. */
    record Resident(UUID id, String village) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "elderly-visit";
    static final Duration STALLED = Duration.ofSeconds(30);
    /** At a fixed rate, no more requests in flight at once than a client's connection pool holds. */
    private static final int CONNECTIONS = 64;

    private final FeiyanSystem system;
    private final HttpLoad load = new HttpLoad();
    /** The simulated teams' and county centre's calls. */
    private final HttpClient calls = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Resident> residents;
    private final Map<String, String> volunteerTokens = new HashMap<>();
    private final AtomicInteger nextResident = new AtomicInteger();
    /** When intake answered 201 for each order the load placed (System.nanoTime). */
    private final Map<UUID, Long> placedAt = new ConcurrentHashMap<>();
    /** Orders waited for until they were served and told (or stalled): the next wait leaves them out. */
    private final Set<UUID> settled = ConcurrentHashMap.newKeySet();
    private final Set<UUID> seenAssigned = ConcurrentHashMap.newKeySet();
    private final Set<UUID> seenAccepted = ConcurrentHashMap.newKeySet();
    /** The orders a volunteer waits to see assigned before she places her next (the window at maximum). */
    private final Map<UUID, CountDownLatch> assignedSignals = new ConcurrentHashMap<>();
    private final SimulatedTeams teams;
    private final OrderTopics topics;
    /** The county centre, approving every second what waits for review (a resident's fourth open order). */
    private final CountyCentre centre;
    private final Notifications notifications;
    private volatile Window window;

    /** The orders placed in one window, and what became of them. */
    private static final class Window {
        final long from;
        final long to;
        final Latencies assigned = new Latencies();
        final Latencies accepted = new Latencies();
        final AtomicLong assignedWithin = new AtomicLong();
        final CpuUse cpuAtStart;
        final int placedBefore;

        Window(long from, long to, CpuUse cpuAtStart, int placedBefore) {
            this.from = from;
            this.to = to;
            this.cpuAtStart = cpuAtStart;
            this.placedBefore = placedBefore;
        }

        boolean holds(long nanos) {
            return nanos >= from && nanos <= to;
        }
    }

    OrderLoad(FeiyanSystem system, Notifications notifications) throws Exception {
        this.system = system;
        this.notifications = notifications;
        this.teams = new SimulatedTeams(system, calls);
        this.residents = residents(system);
        if (residents.isEmpty()) {
            throw new IllegalStateException("intake has no residents to order for");
        }
        TokenIssuer tokens = system.tokens();
        for (String village : residents.stream().map(Resident::village).collect(Collectors.toSet())) {
            volunteerTokens.put(village, "Bearer " + tokens.tokenFor(volunteer(village)));
        }
        topics = new OrderTopics(system.kafkaBootstrapServers(), this::heard);
        centre = new CountyCentre(system, calls, teams::failed);
    }

    /** The village's 飞燕 volunteer, who places its residents' orders. */
    static Identity volunteer(String village) {
        return Identity.volunteer("V-bench-" + village, village);
    }

    /** Orders placed so far. */
    int placed() {
        return placedAt.size();
    }

    int residents() {
        return residents.size();
    }

    /** {@code perSecond} orders a second. */
    Figures atRate(int perSecond, Duration measured) throws InterruptedException {
        Window w = open(Duration.ZERO, measured);
        HttpLoad.Figures post = load.openLoop(perSecond, CONNECTIONS, Duration.ZERO, measured, this::nextOrder,
                this::placed);
        return close(w, post, measured);
    }

    /**
     * As many orders as the loop can take: {@code clients} volunteers, each placing her next order once her last is
     * assigned, so that orders are placed as fast as they are assigned and none is left waiting when the window ends.
     */
    Figures atMost(int clients, Duration rampUp, Duration measured) throws InterruptedException {
        Window w = open(rampUp, measured);
        HttpLoad.Figures post = load.closedLoop(clients, rampUp, measured, this::nextOrder, this::placed,
                this::untilAssigned);
        return close(w, post, measured);
    }

    /** Only intake's POST: as many orders as {@code clients} volunteers can place, nothing waited for after. */
    HttpLoad.Figures postsOnly(int clients, Duration rampUp, Duration measured) throws InterruptedException {
        return load.closedLoop(clients, rampUp, measured, this::nextOrder, this::placed, HttpLoad.AT_ONCE);
    }

    /**
     * Intake's POST with the loop running beside it: as many orders as {@code clients} volunteers can place back to
     * back, the loop serving them meanwhile; then waits until the backlog they made is served.
     */
    HttpLoad.Figures postsWithTheLoop(int clients, Duration rampUp, Duration measured) throws InterruptedException {
        HttpLoad.Figures post = postsOnly(clients, rampUp, measured);
        settleTheRest();
        return post;
    }

    /** Until the order intake just placed is assigned, or has not been for {@link #STALLED}. */
    private void untilAssigned(HttpResponse<String> placedOrder) throws InterruptedException {
        UUID order = orderId(placedOrder);
        CountDownLatch assigned = assignedSignals.computeIfAbsent(order, o -> new CountDownLatch(1));
        try {
            if (!seenAssigned.contains(order)) {
                assigned.await(STALLED.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            assignedSignals.remove(order);
        }
    }

    /**
     * Orders at {@code perSecond} for a while, unmeasured, so that the services' code is compiled (JIT) before a
     * measured window; then waits until every order is accepted.
     */
    void warmUp(int perSecond, Duration duration) throws InterruptedException {
        load.openLoop(perSecond, CONNECTIONS, duration, Duration.ZERO, this::nextOrder, this::placed);
        settleTheRest();
    }

    Map<String, AtomicLong> teamFailures() {
        return teams.failures();
    }

    long acceptRetries() {
        return teams.acceptRetries();
    }

    /** Orders the simulated county centre approved at review: those of residents who had three open already. */
    long approvedAtReview() {
        return centre.approved();
    }

    private Window open(Duration rampUp, Duration measured) {
        long from = System.nanoTime() + rampUp.toNanos();
        Window w = new Window(from, from + measured.toNanos(), CpuUse.now(system), placedAt.size());
        window = w;
        return w;
    }

    /** Waits for the window's orders to be assigned and accepted, and their notifications sent; gives its figures. */
    private Figures close(Window w, HttpLoad.Figures post, Duration measured) throws InterruptedException {
        List<UUID> placedInWindow = placedAt.entrySet().stream().filter(e -> w.holds(e.getValue()))
                .map(Map.Entry::getKey).toList();
        settleTheRest();
        Notifications.Figures notified = notifications.of(system,
                placedInWindow.stream().filter(seenAccepted::contains).toList(), STALLED);
        // read once the notifications are sent too: they are part of what an order sets off
        Map<String, Double> cpu = CpuUse.now(system).perOrderSince(w.cpuAtStart, placedAt.size() - w.placedBefore);
        int neverAssigned = (int) placedInWindow.stream().filter(id -> !seenAssigned.contains(id)).count();
        int neverAccepted = (int) placedInWindow.stream().filter(id -> !seenAccepted.contains(id)).count();
        return new Figures(post, w.assigned, w.accepted, w.assignedWithin.get() / (measured.toNanos() / 1e9),
                placedInWindow.size(), neverAssigned, neverAccepted, cpu, measured.toSeconds(), notified);
    }

    /**
     * Waits until the orders not settled before are assigned and accepted and their notifications sent, so that the
     * next window starts with no backlog. Only those: the delivery log is polled for them, and a poll for every order
     * of the run grew with each window into a sixth of PostgreSQL's work, counted against the system.
     */
    private void settleTheRest() throws InterruptedException {
        List<UUID> orders = placedAt.keySet().stream().filter(order -> !settled.contains(order)).toList();
        awaitAccepted(orders);
        notifications.awaitSent(system, orders.stream().filter(seenAccepted::contains).toList(), STALLED);
        settled.addAll(orders);
    }

    /**
     * Waits until the orders are assigned and accepted: for as long as they keep moving, and no more than {@link
     * #STALLED} after the last one did.
     */
    private void awaitAccepted(List<UUID> orders) throws InterruptedException {
        long lastMoved = System.nanoTime();
        int done = 0;
        while (System.nanoTime() - lastMoved < STALLED.toNanos()) {
            int now = (int) orders.stream().filter(seenAccepted::contains).count();
            if (now == orders.size() && seenAssigned.containsAll(orders)) {
                return;
            }
            if (now > done) {
                done = now;
                lastMoved = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    /** A volunteer places an order for the next resident, round the county. */
    private HttpRequest nextOrder() {
        Resident resident = residents.get(Math.floorMod(nextResident.getAndIncrement(), residents.size()));
        return order(system, volunteerTokens.get(resident.village()), resident.id());
    }

    /** A home visit the caller (her Authorization header) orders for the resident, as a new need. */
    static HttpRequest order(FeiyanSystem system, String authorization, UUID resident) {
        String body = "{\"residentId\":\"" + resident + "\",\"projectCode\":\"" + PROJECT
                + "\",\"urgency\":\"ROUTINE\",\"residentConsent\":true,\"newNeed\":true}";
        return HttpRequest.newBuilder(URI.create(system.url(FeiyanService.INTAKE) + "/api/orders"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private boolean placed(HttpResponse<String> response, long answeredAt) {
        if (response.statusCode() != 201) {
            return false;
        }
        try {
            placedAt.put(orderId(response), answeredAt);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static UUID orderId(HttpResponse<String> placedOrder) {
        try {
            return UUID.fromString(JSON.readTree(placedOrder.body()).path("orderId").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void heard(ConsumerRecord<String, String> record) {
        long now = System.nanoTime();
        UUID order = UUID.fromString(record.key());
        Long placed = placedAt.get(order);
        if (placed == null) {
            return;
        }
        Window w = window;
        boolean measured = w != null && w.holds(placed);
        if (record.topic().equals(Topics.ORDERS_ASSIGNED) && seenAssigned.add(order)) {
            CountDownLatch waiting = assignedSignals.get(order);
            if (waiting != null) {
                waiting.countDown();
            }
            if (w != null && w.holds(now)) {
                w.assignedWithin.incrementAndGet();
            }
            if (measured) {
                w.assigned.add(now - placed);
            }
            teams.offered(order, teamOf(record.value()));
        } else if (record.topic().equals(Topics.ORDERS_ACCEPTED) && seenAccepted.add(order) && measured) {
            w.accepted.add(now - placed);
        }
    }

    private static String teamOf(String payload) {
        try {
            JsonNode event = JSON.readTree(payload);
            return event.path("teamCode").asText();
        } catch (Exception e) {
            throw new IllegalStateException("not an OrderAssigned: " + payload, e);
        }
    }

    /** The county's residents, as intake holds them. */
    static List<Resident> residents(FeiyanSystem system) throws Exception {
        List<Resident> all = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(system.jdbcUrl(FeiyanService.INTAKE),
                EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD);
                ResultSet rows = db.createStatement().executeQuery(
                        "select id, village_code from resident order by id")) {
            while (rows.next()) {
                all.add(new Resident(rows.getObject(1, UUID.class), rows.getString(2)));
            }
        }
        return all;
    }

    @Override
    public void close() throws InterruptedException {
        topics.close();
        centre.close();
        teams.close();
    }
}
