package io.feiyan.bench;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.Identity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The county's teams as the benchmark plays them: a team accepts each order as soon as it is offered and completes
 * it at once, so that its capacity and the residents' open orders stay free.
 */
final class SimulatedTeams implements AutoCloseable {
    private static final long FIRST_RETRY_MILLIS = 5;
    private static final long LONGEST_RETRY_MILLIS = 200;

    private final FeiyanSystem system;
    private final HttpClient calls;
    private final Map<String, String> leadTokens = new ConcurrentHashMap<>();
    private final ExecutorService teams = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = CpuUse.loadThread(runnable, "bench-team");
        thread.setDaemon(true);
        return thread;
    });
    /** Why simulated teams' calls failed ("accept 409", "complete timeout"), and how often. */
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    /** Accepts tried again because team-service had not yet heard of the offer the benchmark saw on the topic. */
    private final AtomicLong acceptRetries = new AtomicLong();

    SimulatedTeams(FeiyanSystem system, HttpClient calls) {
        this.system = system;
        this.calls = calls;
    }

    /** The order was offered to the team: it accepts and completes it, on a thread of its own. */
    void offered(UUID order, String team) {
        teams.execute(() -> acceptAndComplete(order, team));
    }

    /** The team's lead, who answers its offers. */
    static Identity lead(String team) {
        return Identity.teamLead("L-" + team, team);
    }

    Map<String, AtomicLong> failures() {
        return failures;
    }

    long acceptRetries() {
        return acceptRetries.get();
    }

    /** A call that failed, and why: counted with the teams' own. */
    void failed(String why) {
        failures.computeIfAbsent(why, w -> new AtomicLong()).incrementAndGet();
    }

    /**
     * The team accepts as soon as team-service knows of the offer (it reads the same OrderAssigned a moment
     * after the benchmark may: until then it answers 404, and the team tries again a little later each time, so
     * its retries cost team-service little), then completes.
     */
    private void acceptAndComplete(UUID order, String team) {
        String lead = leadTokens.computeIfAbsent(team, t -> "Bearer " + system.tokens().tokenFor(lead(t)));
        String base = system.url(FeiyanService.TEAM) + "/api/assignments/" + order;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            int status;
            long pause = FIRST_RETRY_MILLIS;
            while ((status = post(calls, base + "/accept", lead, null)) == 404 && System.nanoTime() < deadline) {
                acceptRetries.incrementAndGet();
                Thread.sleep(pause);
                pause = Math.min(pause * 2, LONGEST_RETRY_MILLIS);
            }
            if (status / 100 != 2) {
                failed("accept " + status);
            } else if ((status = post(calls, base + "/complete", lead, "{\"volunteerHours\":1}")) / 100 != 2) {
                failed("complete " + status);
            }
        } catch (Exception e) {
            failed(e.getClass().getSimpleName());
        }
    }

    /** A POST as a user of the services; its status. */
    static int post(HttpClient calls, String url, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return calls.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        teams.shutdownNow();
    }
}
