package io.feiyan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.servers.Identity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The county centre as the benchmark plays it: when the loop falls behind the orders, residents come to have three
 * open orders and their next goes to review; every second, an operator approves what waits, so that every order goes
 * round.
 */
final class CountyCentre implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeiyanSystem system;
    private final HttpClient calls;
    private final Consumer<String> failed;
    private final Thread operator;
    private final AtomicLong approved = new AtomicLong();
    private volatile boolean working = true;

    /** Starts approving; {@code failed} hears why a call failed. */
    CountyCentre(FeiyanSystem system, HttpClient calls, Consumer<String> failed) {
        this.system = system;
        this.calls = calls;
        this.failed = failed;
        operator = CpuUse.loadThread(this::approveReviews, "bench-centre");
        operator.setDaemon(true);
        operator.start();
    }

    /** Orders approved at review: those of residents who had three open already. */
    long approved() {
        return approved.get();
    }

    private void approveReviews() {
        String centreToken = "Bearer " + system.tokens().tokenFor(Identity.operator("OP-bench-centre", "371322"));
        String cases = system.url(FeiyanService.DISPATCH) + "/api/cases";
        while (working) {
            try {
                HttpResponse<String> waiting = calls.send(HttpRequest.newBuilder(URI.create(cases
                        + "?status=IN_REVIEW")).header("Authorization", centreToken).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode c : JSON.readTree(waiting.body())) {
                    if (SimulatedTeams.post(calls, cases + "/" + c.path("orderId").asText() + "/approve", centreToken,
                            "{}") / 100 == 2) {
                        approved.incrementAndGet();
                    }
                }
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failed.accept("approve " + e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        working = false;
        operator.interrupt();
    }
}
