package io.feiyan.embedded.bench;

import io.feiyan.embedded.CountyGenerator;
import io.feiyan.embedded.CountyPlan;
import io.feiyan.embedded.EmbeddedDatabase;
import io.feiyan.embedded.FeiyanService;
import io.feiyan.embedded.FeiyanSystem;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark ({@code deploy/bench.sh}): on this machine, in one run, it measures the machine's own limits —
 * PostgreSQL's commit rate, Kafka's produce→consume latency and throughput, a bare Quarkus POST that inserts one
 * row — then drives the whole system (durable PostgreSQL, the county at the report's scale) at its maximum, at
 * half of it and at a fixed 200 orders a second, and prints each system figure beside the limit it is held to, as
 * a ratio. Three minutes of orders warm the services up (JIT) before the first measured window and are not counted;
 * the report shows what the JIT compilers still used in each window.
 *
 * <p>Arguments: {@code --quick} shortens every window (a smoke run; its figures are rough).
 */
public final class Bench {
    private static final int PG_CLIENTS = 8;
    private static final int HTTP_CLIENTS = 16;
    private static final int FIXED_RATE = 200;
    private static final int WARM_UP_RATE = 15;

    private final PrintStream out;
    private final boolean quick;

    private Bench(PrintStream out, boolean quick) {
        this.out = out;
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else {
                System.err.println("usage: deploy/bench.sh [--quick]");
                System.exit(2);
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path home = Path.of(System.getenv().getOrDefault("FEIYAN_HOME", ".")).toAbsolutePath().normalize();
        new Bench(System.out, quick).run(home);
    }

    /** A window's length: the full one, or a tenth of it (at least a second) in a quick run. */
    private Duration window(int seconds) {
        return Duration.ofSeconds(quick ? Math.max(1, seconds / 10) : seconds);
    }

    private void run(Path home) throws Exception {
        Path data = Files.createTempDirectory("feiyan-bench-");
        Path results = Files.createDirectories(home.resolve("bench-results")
                .resolve(LocalDateTime.now().withNano(0).toString().replace(':', '-')));
        Map<FeiyanService, Integer> anyFreePort = new EnumMap<>(FeiyanService.class);
        for (FeiyanService service : FeiyanService.values()) {
            anyFreePort.put(service, 0);
        }
        out.printf("Feiyan benchmark on %d cores%s; its own system in %s (deleted at the end)%n",
                Runtime.getRuntime().availableProcessors(), quick ? ", quick run (rough figures)" : "", data);
        FeiyanSystem system = FeiyanSystem.start(new FeiyanSystem.Settings(home, data,
                EmbeddedDatabase.Durability.DURABLE, 0, 0, anyFreePort, true), out);
        Thread stopOnCtrlC = new Thread(system::close);
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        try {
            CountyPlan county = quick ? CountyPlan.of(1, 60, 15) : CountyPlan.of(1);
            new CountyGenerator(county, system.tokens(), system::url, out).load();
            Limits limits = measureLimits(home, system, data);
            Load load = driveSystem(system);
            String report = report(limits, load);
            out.print(report);
            Files.writeString(results.resolve("report.txt"), report);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            system.close();
            Files.move(data.resolve("logs"), results.resolve("logs"));
            delete(data);
            out.printf("The report and the services' logs are in %s%n", results);
        }
    }

    private record Limits(double commitsOneInsert, double commitsTwoInserts, KafkaRoundTrip.Figures kafkaAtRate,
            KafkaRoundTrip.Figures kafkaAtMost, HttpLoad.Figures bareQuarkus) {
    }

    private record Load(OrderLoad.Figures atMost, int sustainable, OrderLoad.Figures atHalf, OrderLoad.Figures atRate,
            String teamFailures) {
    }

    private Limits measureLimits(Path home, FeiyanSystem system, Path data) throws Exception {
        String bench = system.jdbcUrl("bench");
        out.printf("%nThe machine's limits%n");
        out.printf("  PostgreSQL: %d clients committing one-insert transactions...%n", PG_CLIENTS);
        double one = PostgresCommitRate.measure(bench, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD, PG_CLIENTS,
                1, window(3), window(10));
        out.printf("  PostgreSQL: %d clients committing two-insert transactions...%n", PG_CLIENTS);
        double two = PostgresCommitRate.measure(bench, EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD, PG_CLIENTS,
                2, window(3), window(10));
        KafkaRoundTrip.Figures atRate;
        KafkaRoundTrip.Figures atMost;
        try (KafkaRoundTrip kafka = new KafkaRoundTrip(system.kafkaBootstrapServers())) {
            out.printf("  Kafka: %d records a second, produce to consume...%n", FIXED_RATE);
            atRate = kafka.atRate(FIXED_RATE, window(5), window(20));
            out.printf("  Kafka: as many records as it takes...%n");
            atMost = kafka.atMost(window(3), window(10));
        }
        out.printf("  Bare Quarkus: %d clients posting a row each...%n", HTTP_CLIENTS);
        HttpLoad.Figures bare;
        try (BaselineService baseline = BaselineService.start(home, bench, data.resolve("logs/bench-baseline.log"))) {
            bare = new HttpLoad().closedLoop(HTTP_CLIENTS, window(10), window(20), baseline::insert,
                    (response, at) -> response.statusCode() == 201);
        }
        return new Limits(one, two, atRate, atMost, bare);
    }

    private Load driveSystem(FeiyanSystem system) throws Exception {
        try (OrderLoad load = new OrderLoad(system)) {
            out.printf("%nThe system: volunteers ordering for %,d residents; teams accept at once%n", load.residents());
            out.printf("  warming up: %d orders a second for %d s, not measured...%n", WARM_UP_RATE,
                    window(180).toSeconds());
            load.warmUp(WARM_UP_RATE, window(180));
            out.printf("  as many orders as %d volunteers can place back to back...%n", HTTP_CLIENTS);
            OrderLoad.Figures atMost = load.atMost(HTTP_CLIENTS, window(5), window(30));
            int sustainable = Math.max(1, (int) (atMost.assignedPerSecond() / 2));
            out.printf("  %d orders a second (half the maximum)...%n", sustainable);
            OrderLoad.Figures atHalf = load.atRate(sustainable, window(30));
            out.printf("  %d orders a second...%n", FIXED_RATE);
            OrderLoad.Figures atRate = load.atRate(FIXED_RATE, window(30));
            return new Load(atMost, sustainable, atHalf, atRate, load.teamFailures().isEmpty() ? ""
                    : "  simulated teams' calls that failed: " + load.teamFailures() + "\n");
        }
    }

    private String report(Limits limits, Load load) {
        OrderLoad.Figures most = load.atMost();
        OrderLoad.Figures rate = load.atRate();
        return String.format("""

                ── The machine's limits ─────────────────────────────────────────────────────────────────────────
                PostgreSQL commits/s, %d clients, one insert per transaction      %,10.0f
                PostgreSQL commits/s, %d clients, two inserts per transaction     %,10.0f
                Kafka produce→consume at %d/s, p50 / p95 / p99                   %s
                Kafka records/s, produce→consume, as fast as it goes            %,10.0f
                Bare Quarkus POST inserting one row, req/s (%d clients)          %,10.0f   %s%s

                ── The system (durable PostgreSQL; fsync and synchronous_commit on) ─────────────────────────────
                %s%s%s%s
                ── Ratios ───────────────────────────────────────────────────────────────────────────────────────
                placed→assigned orders/s at maximum ÷ (PostgreSQL two-insert commits/s ÷ 8)   %6.3f   (target ≥ 1)
                p99 placed→assigned at %d/s ÷ Kafka's p99 produce→consume                   %8.1f   (target ≤ 10)
                  the same at %d/s, half the maximum                                          %8.1f
                intake POST req/s at maximum ÷ bare Quarkus POST req/s                       %6.3f   (target ≥ 0.5)
                """,
                PG_CLIENTS, limits.commitsOneInsert(), PG_CLIENTS, limits.commitsTwoInserts(),
                FIXED_RATE, limits.kafkaAtRate().latencies().summary(), limits.kafkaAtMost().perSecond(),
                HTTP_CLIENTS, limits.bareQuarkus().perSecond(), limits.bareQuarkus().latencies().summary(),
                limits.bareQuarkus().failures(),
                phase("At maximum: " + HTTP_CLIENTS + " volunteers ordering back to back", most),
                phase("At " + load.sustainable() + " orders/s, half the maximum", load.atHalf()),
                phase("At " + FIXED_RATE + " orders/s", rate),
                load.teamFailures(),
                most.assignedPerSecond() / (limits.commitsTwoInserts() / 8),
                FIXED_RATE, rate.assigned().percentileMillis(99) / limits.kafkaAtRate().latencies().percentileMillis(99),
                load.sustainable(),
                load.atHalf().assigned().percentileMillis(99) / limits.kafkaAtRate().latencies().percentileMillis(99),
                most.post().perSecond() / limits.bareQuarkus().perSecond());
    }

    /** One measured window of the system: its throughput, latencies and what each order cost. */
    private static String phase(String title, OrderLoad.Figures figures) {
        return String.format("""
                %s: %,d orders placed in %d s
                  intake POST /api/orders                 %,8.1f req/s    p50 / p95 / p99  %s%s
                  placed → assigned                       %,8.1f orders/s p50 / p95 / p99  %s%s
                  placed → accepted                                         p50 / p95 / p99  %s%s
                  CPU per order, ms (placing it and all it sets off): %s
                """, title, figures.placed(), figures.seconds(), figures.post().perSecond(),
                figures.post().latencies().summary(), figures.post().failures(), figures.assignedPerSecond(),
                figures.assigned().summary(), never(figures.neverAssigned(), "assigned"),
                figures.accepted().summary(), never(figures.neverAccepted(), "accepted"), cpu(figures.cpuPerOrder()));
    }

    private static String never(int orders, String what) {
        return orders == 0 ? "" : String.format("   (%,d never %s: none moved for %d s)", orders, what,
                OrderLoad.STALLED.toSeconds());
    }

    /** "intake-service 4.1 · dispatch-service 2.0 · … · all 12.3" */
    private static String cpu(Map<String, Double> perOrder) {
        StringBuilder line = new StringBuilder();
        double all = 0;
        for (Map.Entry<String, Double> part : perOrder.entrySet()) {
            if (!part.getKey().equals(CpuUse.JIT)) {
                line.append(String.format("%s %.1f · ", part.getKey().replace("-service", ""), part.getValue()));
                all += part.getValue();
            }
        }
        return line.append(String.format("all %.1f (%s %.1f)", all, CpuUse.JIT, perOrder.get(CpuUse.JIT)))
                .toString();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
