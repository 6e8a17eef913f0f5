package io.feiyan.bench;

import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.launcher.demo.CountyGenerator;
import io.feiyan.launcher.demo.CountyPlan;
import io.feiyan.servers.EmbeddedDatabase;
import io.feiyan.servers.Folders;
import io.feiyan.servers.Identity;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark ({@code deploy/bench.sh}): on this machine, in one run, it measures the machine's own limits —
 * PostgreSQL's commit rate, Kafka's produce→consume latency and throughput, a bare Quarkus POST that inserts one
 * row — then drives the whole system (durable PostgreSQL, the county at the report's scale) at its maximum, at 100
 * and at 10 orders a second, and last measures intake's POST alone (the other services stopped, so nothing consumes
 * beside it). In each window it also measures how late the orders' notifications reach a local push service and a
 * local SMSC after their events ({@link Notifications}). Three minutes of orders warm the services up (JIT) before the
 * first measured window and are not counted; the report shows what the JIT compilers still used in each window. It
 * ends with the figures the system is held to, before (issue 15's measurements) and now, against their targets.
 *
 * <p>Arguments: {@code --quick} shortens every window (a smoke run; its figures are rough); {@code --history N}
 * measures the system a second time after writing N past orders into every service's tables ({@link History}), and
 * prints both runs side by side; {@code --profile} has each service record a CPU profile (Java Flight Recorder) kept
 * with its log ({@code bench-results/<time>/logs/<service>.jfr}; {@code jfr print --events jdk.ExecutionSample}),
 * and PostgreSQL's costliest statements of the first pass's windows ({@code postgres-statements.txt},
 * {@link PostgresStatements}); {@code --post} measures only intake's POST against the bare one ({@link #comparePosts});
 * {@code --flood} only what a flood from one account does to another's orders ({@link Flood}).
 */
public final class Bench {
    static final int PG_CLIENTS = 8;
    static final int HTTP_CLIENTS = 16;
    /** At maximum: volunteers each placing her next order once her last is assigned (orders in flight at once). */
    static final int VOLUNTEERS_AT_MOST = 64;
    private static final int WARM_UP_RATE = 15;
    static final int BUSY_RATE = 100;
    static final int QUIET_RATE = 10;

    /** Rounds of the POST comparison ({@code --post}): bare, then intake, each round. */
    private static final int POST_ROUNDS = 3;

    private final PrintStream out;
    private final boolean quick;
    private final long history;
    private final boolean postOnly;
    private final boolean floodOnly;

    private Bench(PrintStream out, boolean quick, long history, boolean postOnly, boolean floodOnly) {
        this.out = out;
        this.quick = quick;
        this.history = history;
        this.postOnly = postOnly;
        this.floodOnly = floodOnly;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean postOnly = false;
        boolean floodOnly = false;
        long history = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--post")) {
                postOnly = true;
            } else if (args[i].equals("--flood")) {
                floodOnly = true;
            } else if (args[i].equals("--profile")) {
                System.setProperty(FeiyanSystem.PROFILE, "true");
            } else if (args[i].equals("--history") && i + 1 < args.length && args[i + 1].matches("[0-9]+")) {
                history = Long.parseLong(args[++i]);
            } else {
                System.err.println("usage: deploy/bench.sh [--quick] [--history N] [--profile] [--post] [--flood]");
                System.exit(2);
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path home = Path.of(System.getenv().getOrDefault("FEIYAN_HOME", ".")).toAbsolutePath().normalize();
        new Bench(System.out, quick, history, postOnly, floodOnly).run(home);
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
        if (!floodOnly) { // 64 volunteers ordering at machine speed are a flood by the services' limits
            System.setProperty(FeiyanSystem.JVM_OPTIONS, String.join(" ",
                    System.getProperty(FeiyanSystem.JVM_OPTIONS, ""), "-Dfeiyan.limits.enabled=false").trim());
        }
        // the channels' servers first: notification-service is told at its start where its SMSC is
        Notifications notifications = Notifications.start();
        FeiyanSystem system;
        try {
            system = FeiyanSystem.start(new FeiyanSystem.Settings(home, data, EmbeddedDatabase.Durability.DURABLE, 0,
                    0, 0, anyFreePort, true, null), out);
        } catch (RuntimeException e) {
            notifications.close();
            throw e;
        }
        Thread stopOnCtrlC = new Thread(system::close);
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        try {
            if (postOnly) {
                new CountyGenerator(CountyPlan.of(1, 60, 15), system.tokens(), system::url, out).load();
                comparePosts(home, system, data);
                return;
            }
            if (floodOnly) {
                new CountyGenerator(CountyPlan.of(1, 60, 15), system.tokens(), system::url, out).load();
                String flood = new Flood(system).measure(window(30));
                out.print(flood);
                Files.writeString(results.resolve("report.txt"), flood);
                return;
            }
            CountyPlan county = quick ? CountyPlan.of(1, 60, 15) : CountyPlan.of(1);
            new CountyGenerator(county, system.tokens(), system::url, out).load();
            Limits limits = measureLimits(home, system, data);
            Map<String, Double> idle = idle(system);
            Runs runs;
            HttpLoad.Figures postAlone;
            String notificationCounts;
            Map<String, Long> memory;
            try (OrderLoad load = new OrderLoad(system, notifications)) {
                out.printf("%nThe system: volunteers ordering for %,d residents; teams accept at once%n",
                        load.residents());
                notifications.subscribe(system, toldByPush(county));
                out.printf("  %,d volunteers and team leads subscribed to a local push service; residents texted"
                        + " through a local SMSC%n", notifications.subscribed());
                out.printf("  warming up: %d orders a second for %d s, not measured...%n", WARM_UP_RATE,
                        window(180).toSeconds());
                load.warmUp(WARM_UP_RATE, window(180));
                PostgresStatements statements = PostgresStatements.of(system);
                statements.reset();
                int placedBefore = load.placed();
                Run fresh = measure(load);
                if (Boolean.getBoolean(FeiyanSystem.PROFILE)) {
                    Files.writeString(results.resolve("postgres-statements.txt"),
                            statements.report(load.placed() - placedBefore));
                }
                Run withHistory = null;
                if (history > 0) {
                    out.printf("%nWriting %,d past orders into every service's tables...%n", history);
                    History.write(system, history, out);
                    out.printf("The system again, with that history (a minute of orders first, not measured)...%n");
                    load.warmUp(WARM_UP_RATE, window(60));
                    withHistory = measure(load);
                }
                runs = new Runs(fresh, withHistory);
                notificationCounts = notifications.serviceCounts(system);
                memory = Memory.now(system);
                postAlone = postAlone(system, load);
            }
            String report = new BenchReport(history, window(10)).text(limits, runs, postAlone,
                    notificationCounts, new BenchReport.Footprint(idle, window(60), memory));
            out.print(report);
            Files.writeString(results.resolve("report.txt"), report);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            system.close();
            notifications.close();
            Files.move(data.resolve("logs"), results.resolve("logs"));
            Folders.deleteQuietly(data);
            out.printf("The report and the services' logs are in %s%n", results);
        }
    }

    /**
     * Those the load's orders tell by push: each village's 飞燕 volunteer, who places its orders (told when a team
     * accepts one), and the lead of its 飞燕 team, which offers every village's home visits (told of each new offer).
     */
    private static List<Identity> toldByPush(CountyPlan county) {
        List<Identity> people = new ArrayList<>();
        for (CountyPlan.Village village : county.villages()) {
            people.add(OrderLoad.volunteer(village.code()));
            people.add(SimulatedTeams.lead(village.feiyanTeam()));
        }
        return people;
    }

    record Limits(double commitsOneInsert, double commitsTwoInserts, KafkaRoundTrip.Figures kafkaAtRate,
            KafkaRoundTrip.Figures kafkaAtMost, HttpLoad.Figures bareQuarkus) {
    }

    /** One pass of measured windows over the system. */
    record Run(OrderLoad.Figures atMost, HttpLoad.Figures postWithTheLoop, OrderLoad.Figures busy,
            OrderLoad.Figures quiet, long acceptRetries, long approvedAtReview, String teamFailures) {
    }

    record Runs(Run fresh, Run withHistory) {
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

    /**
     * The cores each part uses with nobody using the system: a minute with no load, after start-up, the county's
     * loading and the machine's limits (what they set off has long been done).
     */
    private Map<String, Double> idle(FeiyanSystem system) throws InterruptedException {
        Duration window = window(60);
        out.printf("%nThe system at rest: its CPU over %d s, nobody using it...%n", window.toSeconds());
        CpuUse before = CpuUse.now(system);
        Thread.sleep(window.toMillis());
        return CpuUse.now(system).coresSince(before, window);
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
     * {@code --post}: intake's POST alone against the bare Quarkus POST, nothing else measured — a few minutes, for
     * work on intake's POST. A small county; both POSTs warmed up (JIT) unmeasured, then {@value #POST_ROUNDS}
     * rounds of the bare POST and intake's, 20 s each, with their rates, their ratio and the CPU each request cost.
     */
    private void comparePosts(Path home, FeiyanSystem system, Path data) throws Exception {
        try (OrderLoad load = new OrderLoad(system, null);
                BaselineService baseline = BaselineService.start(home, system.jdbcUrl("bench"),
                        data.resolve("logs/bench-baseline.log"))) {
            out.printf("%nintake's POST against the bare POST, %d clients each%n", HTTP_CLIENTS);
            stopAllButIntake(system);
            out.printf("  warming both up for %d s each, not measured...%n", window(30).toSeconds());
            bareLoop(baseline, window(30));
            load.postsOnly(HTTP_CLIENTS, Duration.ZERO, window(30));
            for (int round = 1; round <= POST_ROUNDS; round++) {
                Duration baselineBefore = baseline.cpu();
                CpuUse before = CpuUse.now(system);
                HttpLoad.Figures bare = bareLoop(baseline, window(20));
                double barePostgres = CpuUse.now(system).perOrderSince(before, requests(bare)).get(CpuUse.POSTGRES);
                double bareCpu = baseline.cpu().minus(baselineBefore).toNanos() / 1e6 / requests(bare);
                before = CpuUse.now(system);
                HttpLoad.Figures intake = load.postsOnly(HTTP_CLIENTS, Duration.ZERO, window(20));
                Map<String, Double> cpu = CpuUse.now(system).perOrderSince(before, requests(intake));
                out.printf("  round %d: bare   %,5.0f req/s (%s)%s, CPU a request %.2f ms + PostgreSQL %.2f%n"
                                + "           intake %,5.0f req/s (%s)%s, CPU a request %.2f ms + PostgreSQL %.2f"
                                + " + Kafka %.2f; intake ÷ bare %.3f%n", round, bare.perSecond(),
                        bare.latencies().summary(), bare.failures(), bareCpu, barePostgres, intake.perSecond(),
                        intake.latencies().summary(), intake.failures(), cpu.get(FeiyanService.INTAKE.moduleName()),
                        cpu.get(CpuUse.POSTGRES), cpu.get(CpuUse.KAFKA), intake.perSecond() / bare.perSecond());
            }
        }
    }

    private static HttpLoad.Figures bareLoop(BaselineService baseline, Duration window) throws InterruptedException {
        return new HttpLoad().closedLoop(HTTP_CLIENTS, Duration.ZERO, window, baseline::insert,
                (response, at) -> response.statusCode() == 201, HttpLoad.AT_ONCE);
    }

    /** The requests a closed loop without ramp-up made: what the CPU read around it was spent on. */
    private static int requests(HttpLoad.Figures figures) {
        return (int) (figures.succeeded() + figures.failed());
    }

    /**
     * Intake's POST with nothing else of the system working beside it (every other service stopped), as the bare
     * Quarkus POST is measured: the last measurement, since the orders it places are never served.
     */
    private HttpLoad.Figures postAlone(FeiyanSystem system, OrderLoad load) throws InterruptedException {
        stopAllButIntake(system);
        return load.postsOnly(HTTP_CLIENTS, window(5), window(20));
    }

    private void stopAllButIntake(FeiyanSystem system) {
        List<FeiyanService> others = Arrays.stream(FeiyanService.values())
                .filter(service -> service != FeiyanService.INTAKE).toList();
        out.printf("  intake's POST alone (%s stopped), %d clients...%n",
                others.stream().map(service -> service.moduleName().replace("-service", ""))
                        .collect(Collectors.joining(", ")), HTTP_CLIENTS);
        for (FeiyanService service : others) {
            system.instance(service).stop();
        }
    }
}
