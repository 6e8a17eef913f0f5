package io.feiyan.bench;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.launcher.demo.CountyGenerator;
import io.feiyan.launcher.demo.CountyPlan;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Folders;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark ({@code deploy/bench.sh}): on this machine, in one run, it measures the machine's own limits —
 * PostgreSQL's commit rate, Kafka's produce→consume latency and throughput, a bare Quarkus POST that inserts one
 * row — then drives the whole system (durable PostgreSQL, the county at the report's scale) at its maximum, at 100
 * and at 10 orders a second, and last measures intake's POST alone (the other services stopped, so nothing consumes
 * beside it). Three minutes of orders warm the services up (JIT) before the first measured window and are not
 * counted; the report shows what the JIT compilers still used in each window. It ends with the figures the system
 * is held to, before (issue 15's measurements) and now, against their targets.
 *
 * <p>Arguments: {@code --quick} shortens every window (a smoke run; its figures are rough); {@code --history N}
 * measures the system a second time after writing N past orders into every service's tables ({@link History}), and
 * prints both runs side by side; {@code --profile} has each service record a CPU profile (Java Flight Recorder) kept
 * with its log ({@code bench-results/<time>/logs/<service>.jfr}; {@code jfr print --events jdk.ExecutionSample}).
 */
public final class Bench {
    private static final int PG_CLIENTS = 8;
    private static final int HTTP_CLIENTS = 16;
    /** At maximum: volunteers each placing her next order once her last is assigned (orders in flight at once). */
    private static final int VOLUNTEERS_AT_MOST = 64;
    private static final int WARM_UP_RATE = 15;
    private static final int BUSY_RATE = 100;
    private static final int QUIET_RATE = 10;

    private final PrintStream out;
    private final boolean quick;
    private final long history;

    private Bench(PrintStream out, boolean quick, long history) {
        this.out = out;
        this.quick = quick;
        this.history = history;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        long history = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--profile")) {
                System.setProperty(FeiyanSystem.PROFILE, "true");
            } else if (args[i].equals("--history") && i + 1 < args.length && args[i + 1].matches("[0-9]+")) {
                history = Long.parseLong(args[++i]);
            } else {
                System.err.println("usage: deploy/bench.sh [--quick] [--history N] [--profile]");
                System.exit(2);
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path home = Path.of(System.getenv().getOrDefault("FEIYAN_HOME", ".")).toAbsolutePath().normalize();
        new Bench(System.out, quick, history).run(home);
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
                EmbeddedDatabase.Durability.DURABLE, 0, 0, 0, anyFreePort, true, null), out);
        Thread stopOnCtrlC = new Thread(system::close);
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        try {
            CountyPlan county = quick ? CountyPlan.of(1, 60, 15) : CountyPlan.of(1);
            new CountyGenerator(county, system.tokens(), system::url, out).load();
            Limits limits = measureLimits(home, system, data);
            Runs runs;
            HttpLoad.Figures postAlone;
            try (OrderLoad load = new OrderLoad(system)) {
                out.printf("%nThe system: volunteers ordering for %,d residents; teams accept at once%n",
                        load.residents());
                out.printf("  warming up: %d orders a second for %d s, not measured...%n", WARM_UP_RATE,
                        window(180).toSeconds());
                load.warmUp(WARM_UP_RATE, window(180));
                Run fresh = measure(load);
                Run withHistory = null;
                if (history > 0) {
                    out.printf("%nWriting %,d past orders into every service's tables...%n", history);
                    History.write(system, history, out);
                    out.printf("The system again, with that history (a minute of orders first, not measured)...%n");
                    load.warmUp(WARM_UP_RATE, window(60));
                    withHistory = measure(load);
                }
                runs = new Runs(fresh, withHistory);
                postAlone = postAlone(system, load);
            }
            String report = report(limits, runs, postAlone);
            out.print(report);
            Files.writeString(results.resolve("report.txt"), report);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            system.close();
            Files.move(data.resolve("logs"), results.resolve("logs"));
            Folders.deleteQuietly(data);
            out.printf("The report and the services' logs are in %s%n", results);
        }
    }

    private record Limits(double commitsOneInsert, double commitsTwoInserts, KafkaRoundTrip.Figures kafkaAtRate,
            KafkaRoundTrip.Figures kafkaAtMost, HttpLoad.Figures bareQuarkus) {
    }

    /** One pass of measured windows over the system. */
    private record Run(OrderLoad.Figures atMost, HttpLoad.Figures postWithTheLoop, OrderLoad.Figures busy,
            OrderLoad.Figures quiet, long acceptRetries, long approvedAtReview, String teamFailures) {
    }

    private record Runs(Run fresh, Run withHistory) {
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
            out.printf("  Kafka: %d records a second, produce to consume...%n", BUSY_RATE);
            atRate = kafka.atRate(BUSY_RATE, window(5), window(20));
            out.printf("  Kafka: as many records as it takes...%n");
            atMost = kafka.atMost(window(3), window(10));
        }
        out.printf("  Bare Quarkus: %d clients posting a row each...%n", HTTP_CLIENTS);
        HttpLoad.Figures bare;
        try (BaselineService baseline = BaselineService.start(home, bench, data.resolve("logs/bench-baseline.log"))) {
            bare = new HttpLoad().closedLoop(HTTP_CLIENTS, window(10), window(20), baseline::insert,
                    (response, at) -> response.statusCode() == 201, HttpLoad.AT_ONCE);
        }
        return new Limits(one, two, atRate, atMost, bare);
    }

    private Run measure(OrderLoad load) throws InterruptedException {
        long retriesBefore = load.acceptRetries();
        long approvedBefore = load.approvedAtReview();
        out.printf("  as many orders as the loop takes: %d volunteers, each ordering again once her last order is"
                + " assigned...%n", VOLUNTEERS_AT_MOST);
        OrderLoad.Figures atMost = load.atMost(VOLUNTEERS_AT_MOST, window(5), window(30));
        out.printf("  intake's POST with the loop running: %d volunteers ordering back to back, then the backlog"
                + " served...%n", HTTP_CLIENTS);
        HttpLoad.Figures postWithTheLoop = load.postsWithTheLoop(HTTP_CLIENTS, window(3), window(10));
        out.printf("  %d orders a second...%n", BUSY_RATE);
        OrderLoad.Figures busy = load.atRate(BUSY_RATE, window(30));
        out.printf("  %d orders a second...%n", QUIET_RATE);
        OrderLoad.Figures quiet = load.atRate(QUIET_RATE, window(30));
        return new Run(atMost, postWithTheLoop, busy, quiet, load.acceptRetries() - retriesBefore,
                load.approvedAtReview() - approvedBefore, load.teamFailures().isEmpty() ? ""
                : "  simulated teams' calls that failed: " + load.teamFailures() + "\n");
    }

    /**
     * Intake's POST with nothing else of the system working beside it (dispatch, team and feedback stopped), as the
     * bare Quarkus POST is measured: the last measurement, since the orders it places are never served.
     */
    private HttpLoad.Figures postAlone(FeiyanSystem system, OrderLoad load) throws InterruptedException {
        out.printf("  intake's POST alone (dispatch, team and feedback stopped), %d clients...%n", HTTP_CLIENTS);
        for (FeiyanService service : List.of(FeiyanService.DISPATCH, FeiyanService.TEAM, FeiyanService.FEEDBACK)) {
            system.instance(service).stop();
        }
        return load.postsOnly(HTTP_CLIENTS, window(5), window(20));
    }

    private String report(Limits limits, Runs runs, HttpLoad.Figures postAlone) {
        Run now = runs.fresh();
        double kafkaP99 = limits.kafkaAtRate().latencies().percentileMillis(99);
        StringBuilder report = new StringBuilder(String.format("""

                ── The machine's limits ─────────────────────────────────────────────────────────────────────────
                PostgreSQL commits/s, %d clients, one insert per transaction      %,10.0f
                PostgreSQL commits/s, %d clients, two inserts per transaction     %,10.0f
                Kafka produce→consume at %d/s, p50 / p95 / p99                   %s
                Kafka records/s, produce→consume, as fast as it goes            %,10.0f
                Bare Quarkus POST inserting one row, req/s (%d clients)          %,10.0f   %s%s

                ── The system (durable PostgreSQL; fsync and synchronous_commit on) ─────────────────────────────
                """,
                PG_CLIENTS, limits.commitsOneInsert(), PG_CLIENTS, limits.commitsTwoInserts(),
                BUSY_RATE, limits.kafkaAtRate().latencies().summary(), limits.kafkaAtMost().perSecond(),
                HTTP_CLIENTS, limits.bareQuarkus().perSecond(), limits.bareQuarkus().latencies().summary(),
                limits.bareQuarkus().failures()));
        report.append(windows(now));
        report.append(String.format("intake POST alone (nothing else working): %,.1f req/s, p50 / p95 / p99 %s%s%n",
                postAlone.perSecond(), postAlone.latencies().summary(), postAlone.failures()));
        if (runs.withHistory() != null) {
            report.append(String.format("%n── The same with %,d past orders in every service's tables ──────────────────%n",
                    history));
            report.append(windows(runs.withHistory()));
            report.append(sideBySide(now, runs.withHistory()));
        }
        report.append(String.format("""

                ── Before (issue 15) and now, against the targets ──────────────────────────────────────────────
                                                                    before      now        target
                CPU per order, ms (services, PostgreSQL, Kafka)     46–64   %8.1f        ≤ 5
                placed→assigned at maximum, orders/s                 19.1   %8.1f        ≥ 350 %s
                p99 placed→assigned at %d/s, ms                       481 (9/s) %6.1f      ≤ 50
                p99 placed→assigned at %d/s, ms                   112,600 (200/s) %4.1f   ≤ 150
                intake POST alone ÷ bare Quarkus POST                  —    %8.3f        ≥ 0.5
                intake POST with the loop running ÷ bare POST      0.051   %8.3f
                  (Kafka's own p99 produce→consume at %d/s: %.1f ms)
                """,
                systemCpu(now.atMost().cpuPerOrder()), now.atMost().assignedPerSecond(),
                now.atMost().neverAssigned() == 0 ? "(every order of the window assigned)"
                        : String.format("(%,d never assigned)", now.atMost().neverAssigned()),
                QUIET_RATE, now.quiet().assigned().percentileMillis(99),
                BUSY_RATE, now.busy().assigned().percentileMillis(99),
                postAlone.perSecond() / limits.bareQuarkus().perSecond(),
                now.postWithTheLoop().perSecond() / limits.bareQuarkus().perSecond(), BUSY_RATE, kafkaP99));
        return report.toString();
    }

    private String windows(Run run) {
        return phase("At maximum: " + VOLUNTEERS_AT_MOST + " volunteers, each ordering again once her last is assigned",
                run.atMost())
                + String.format("intake POST with the loop running (%d volunteers back to back, %d s): %,.1f req/s, p50 / p95"
                        + " / p99 %s%s%n", HTTP_CLIENTS, window(10).toSeconds(), run.postWithTheLoop().perSecond(),
                        run.postWithTheLoop().latencies().summary(), run.postWithTheLoop().failures())
                + phase("At " + BUSY_RATE + " orders/s", run.busy())
                + phase("At " + QUIET_RATE + " orders/s", run.quiet())
                + String.format("  simulated teams' accepts tried again (offer not yet in team-service): %,d%n",
                        run.acceptRetries())
                + String.format("  orders the simulated county centre approved at review (a resident's fourth open): %,d%n",
                        run.approvedAtReview())
                + run.teamFailures();
    }

    /** The figures that must stay flat as history grows, without it and with it. */
    private String sideBySide(Run fresh, Run withHistory) {
        return String.format("""

                                                              no history   %,d past orders   change
                placed→assigned at maximum, orders/s            %8.1f        %8.1f        %+6.0f %%
                p99 placed→assigned at %d/s, ms                %8.1f        %8.1f        %+6.0f %%
                p99 placed→assigned at %d/s, ms                 %8.1f        %8.1f        %+6.0f %%
                CPU per order at maximum, ms                    %8.1f        %8.1f        %+6.0f %%
                """, history,
                fresh.atMost().assignedPerSecond(), withHistory.atMost().assignedPerSecond(),
                change(fresh.atMost().assignedPerSecond(), withHistory.atMost().assignedPerSecond()),
                BUSY_RATE, fresh.busy().assigned().percentileMillis(99), withHistory.busy().assigned().percentileMillis(99),
                change(fresh.busy().assigned().percentileMillis(99), withHistory.busy().assigned().percentileMillis(99)),
                QUIET_RATE, fresh.quiet().assigned().percentileMillis(99),
                withHistory.quiet().assigned().percentileMillis(99),
                change(fresh.quiet().assigned().percentileMillis(99), withHistory.quiet().assigned().percentileMillis(99)),
                systemCpu(fresh.atMost().cpuPerOrder()), systemCpu(withHistory.atMost().cpuPerOrder()),
                change(systemCpu(fresh.atMost().cpuPerOrder()), systemCpu(withHistory.atMost().cpuPerOrder())));
    }

    private static double change(double before, double after) {
        return (after - before) / before * 100;
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

    /** What an order costs the system itself: the services, PostgreSQL and the broker, not the load. */
    private static double systemCpu(Map<String, Double> perOrder) {
        return perOrder.entrySet().stream().filter(part -> !part.getKey().equals(CpuUse.JIT)
                && !part.getKey().equals(CpuUse.LOAD)).mapToDouble(Map.Entry::getValue).sum();
    }

    /** "intake 4.1 · dispatch 2.0 · … · all 12.3 (of which JIT 0.1); load generator and simulated teams 3.0" */
    private static String cpu(Map<String, Double> perOrder) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Double> part : perOrder.entrySet()) {
            if (!part.getKey().equals(CpuUse.JIT) && !part.getKey().equals(CpuUse.LOAD)) {
                line.append(String.format("%s %.2f · ", part.getKey().replace("-service", ""), part.getValue()));
            }
        }
        return line.append(String.format("all %.2f (%s %.2f); apart: %s %.2f", systemCpu(perOrder), CpuUse.JIT,
                perOrder.get(CpuUse.JIT), CpuUse.LOAD, perOrder.get(CpuUse.LOAD))).toString();
    }
}
