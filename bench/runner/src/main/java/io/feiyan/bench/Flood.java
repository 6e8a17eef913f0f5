package io.feiyan.bench;

import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.Identity;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code deploy/bench.sh --flood}: what a flood from one account does to another account's orders, under the
 * services' limits on floods as a county runs them (this machine's address exempt, as the local run has it, so the
 * flooding account's own limit is what holds it). {@value #STEADY_VOLUNTEERS} 飞燕 volunteers place {@value #STEADY}
 * orders a second between them for their villages' residents, alone and then while another volunteer's account sends
 * intake {@value #FLOOD} order requests a second; their latency both times, and what the flood got.
 */
final class Flood {
    static final int STEADY = 5;
    /** The volunteers placing the steady orders: each a few a minute, as a person does, well within her limit. */
    static final int STEADY_VOLUNTEERS = 20;
    static final int FLOOD = 2_000;
    /** The flooding client's connections: as many requests at once as a script with a big pool keeps open. */
    private static final int FLOOD_CONNECTIONS = 256;

    private final FeiyanSystem system;

    Flood(FeiyanSystem system) {
        this.system = system;
    }

    /** The figures, as the report prints them. */
    String measure(Duration window) throws Exception {
        Map<String, List<UUID>> residents = residentsByVillage();
        List<String> villages = new ArrayList<>(residents.keySet());
        String floodVillage = villages.get(0);
        Supplier<HttpRequest> flood = orders(Identity.volunteer("V-flood-" + floodVillage, floodVillage),
                residents.get(floodVillage));
        List<Supplier<HttpRequest>> volunteers = new ArrayList<>();
        for (String village : villages.subList(1, 1 + STEADY_VOLUNTEERS)) {
            volunteers.add(orders(Identity.volunteer("V-steady-" + village, village), residents.get(village)));
        }
        AtomicInteger turn = new AtomicInteger();
        Supplier<HttpRequest> steady = () -> volunteers.get(Math.floorMod(turn.getAndIncrement(), volunteers.size()))
                .get();
        HttpLoad.Answer created = (response, at) -> response.statusCode() == 201;

        HttpLoad.Figures alone = new HttpLoad().openLoop(STEADY, 8, Duration.ofSeconds(5), window, steady, created);
        AtomicLong refused = new AtomicLong();
        AtomicLong other = new AtomicLong();
        CompletableFuture<HttpLoad.Figures> flooding = CompletableFuture.supplyAsync(() -> {
            try {
                return new HttpLoad().openLoop(FLOOD, FLOOD_CONNECTIONS, Duration.ZERO, window.plusSeconds(5), flood,
                        (response, at) -> {
                            if (response.statusCode() == 429) {
                                refused.incrementAndGet();
                            } else if (response.statusCode() != 201) {
                                other.incrementAndGet();
                            }
                            return response.statusCode() == 201;
                        });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        HttpLoad.Figures under = new HttpLoad().openLoop(STEADY, 8, Duration.ofSeconds(5), window, steady, created);
        HttpLoad.Figures flooded = flooding.join();

        long answered = flooded.succeeded() + flooded.failed();
        return String.format("""

                A flood from one account (intake's POST /api/orders; the services' limits on floods as they come)
                  %d other volunteers, %d orders a second, alone:       p50 %7.1f ms  p99 %7.1f ms  placed %,d%s
                  the same, while one account floods %,d a second:  p50 %7.1f ms  p99 %7.1f ms  placed %,d%s
                  the flood: %,d requests answered in %d s (%,.0f a second): %,d placed, %,d refused 429, %,d other
                """, STEADY_VOLUNTEERS, STEADY, alone.latencies().percentileMillis(50),
                alone.latencies().percentileMillis(99), alone.succeeded(), alone.failures(), FLOOD,
                under.latencies().percentileMillis(50), under.latencies().percentileMillis(99), under.succeeded(),
                under.failures(), answered, window.plusSeconds(5).toSeconds(),
                answered / (double) window.plusSeconds(5).toSeconds(), flooded.succeeded(), refused.get(), other.get());
    }

    /** Orders of the volunteer for her village's residents, one after another round them. */
    private Supplier<HttpRequest> orders(Identity volunteer, List<UUID> residents) {
        String token = "Bearer " + system.tokens().tokenFor(volunteer);
        AtomicInteger next = new AtomicInteger();
        return () -> OrderLoad.order(system, token,
                residents.get(Math.floorMod(next.getAndIncrement(), residents.size())));
    }

    private Map<String, List<UUID>> residentsByVillage() throws Exception {
        return OrderLoad.residents(system).stream().collect(Collectors.groupingBy(OrderLoad.Resident::village,
                TreeMap::new, Collectors.mapping(OrderLoad.Resident::id, Collectors.toList())));
    }
}
