package io.feiyan.bench;

import static io.feiyan.bench.Bench.BUSY_RATE;
import static io.feiyan.bench.Bench.HTTP_CLIENTS;
import static io.feiyan.bench.Bench.PG_CLIENTS;
import static io.feiyan.bench.Bench.QUIET_RATE;
import static io.feiyan.bench.Bench.VOLUNTEERS_AT_MOST;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's report ({@code bench-results/<time>/report.txt}): the machine's limits, each measured window of
 * the system (and again with history, side by side), and the figures the system is held to, before and now.
 */
final class BenchReport {
    /** Not parts of the system's CPU: the JIT (counted in the services' already), and the load. */
    private static final Set<String> NOT_THE_SYSTEM = Set.of(CpuUse.JIT, CpuUse.LOAD);
    /** Parts of an order's CPU shown apart, not in "all": those not the system's, and Keycloak (no order signs in). */
    private static final Set<String> APART = Set.of(CpuUse.JIT, CpuUse.LOAD, CpuUse.KEYCLOAK);
    /** Past orders written before the second run; 0 when there was none. */
    private final long history;
    /** How long intake's POST was measured with the loop running beside it. */
    private final Duration postWithTheLoop;

    BenchReport(long history, Duration postWithTheLoop) {
        this.history = history;
        this.postWithTheLoop = postWithTheLoop;
    }

    /** The system at rest: the cores each part used over {@code window}; and each part's memory after the windows. */
    record Footprint(Map<String, Double> idleCores, Duration window, Map<String, Long> memory) {
        double idleTotal() {
            return idleCores.entrySet().stream().filter(part -> !NOT_THE_SYSTEM.contains(part.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        long memoryBytes() {
            return memory.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The whole report: the machine's limits, the system's windows, and before and now against the targets. */
    String text(Bench.Limits limits, Bench.Runs runs, HttpLoad.Figures postAlone, String notificationCounts,
            Footprint footprint) {
        Bench.Run now = runs.fresh();
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
        report.append(rest(footprint));
        report.append(windows(now));
        report.append(String.format("notification-service's counts, warm-up included: %s%n", notificationCounts));
        report.append(String.format("intake POST alone (nothing else working): %,.1f req/s, p50 / p95 / p99 %s%s%n",
                postAlone.perSecond(), postAlone.latencies().summary(), postAlone.failures()));
        if (runs.withHistory() != null) {
            report.append(String.format("%n── The same with %,d past orders in every service's tables ──────────────────%n",
                    history));
            report.append(windows(runs.withHistory()));
            report.append(sideBySide(now, runs.withHistory()));
        }
        report.append(String.format("""

                ── Before (issue 28, 30 Nov) and now, against the targets ─────────────────────────────────────
                                                                    before      now        target
                CPU per order, ms (services, PostgreSQL, Kafka)     12–20   %8.1f        ≤ 5
                placed→assigned at maximum, orders/s               96–158   %8.1f        ≥ 350 %s
                p99 placed→assigned at %d/s, ms                    12–18   %8.1f        ≤ 50
                p99 placed→assigned at %d/s, ms                  251–994   %8.1f        ≤ 150
                intake POST alone ÷ bare Quarkus POST           0.33–0.50   %8.3f        ≥ 0.6
                intake POST with the loop running ÷ bare POST          —   %8.3f
                idle, the whole system, cores                        0.30   %8.3f        ≤ 0.05
                memory, the whole system, GiB                         2.8   %8.2f        ≤ 2
                p50 / p99 event→push service at %d/s, ms              —   %s      none set
                p50 / p99 event→push service at %d/s, ms             —   %s      none set
                p50 / p99 event→SMSC at %d/s, ms                      —   %s      none set
                p50 / p99 event→SMSC at %d/s, ms                     —   %s      none set
                  (Kafka's own p99 produce→consume at %d/s: %.1f ms)
                """,
                systemCpu(now.atMost().cpuPerOrder()), now.atMost().assignedPerSecond(),
                now.atMost().neverAssigned() == 0 ? "(every order of the window assigned)"
                        : String.format("(%,d never assigned)", now.atMost().neverAssigned()),
                QUIET_RATE, now.quiet().assigned().percentileMillis(99),
                BUSY_RATE, now.busy().assigned().percentileMillis(99),
                postAlone.perSecond() / limits.bareQuarkus().perSecond(),
                now.postWithTheLoop().perSecond() / limits.bareQuarkus().perSecond(),
                footprint.idleTotal(), footprint.memoryBytes() / (double) (1L << 30),
                QUIET_RATE, p50p99(now.quiet().notified().push()), BUSY_RATE, p50p99(now.busy().notified().push()),
                QUIET_RATE, p50p99(now.quiet().notified().sms()), BUSY_RATE, p50p99(now.busy().notified().sms()),
                BUSY_RATE, kafkaP99));
        return report.toString();
    }

    /** "idle, cores: intake 0.012 · … · all 0.300" and "memory, MiB: intake 310 · … · all 2,850". */
    private static String rest(Footprint footprint) {
        StringBuilder idle = new StringBuilder();
        footprint.idleCores().forEach((part, cores) -> {
            if (!NOT_THE_SYSTEM.contains(part)) {
                idle.append(String.format("%s %.3f · ", part.replace("-service", ""), cores));
            }
        });
        StringBuilder memory = new StringBuilder();
        footprint.memory().forEach((part, bytes) -> memory.append(String.format("%s %,d · ",
                part.replace("-service", ""), bytes >> 20)));
        return String.format("""
                At rest (nobody using it, %d s): cores %sall %.3f
                Memory after the windows, MiB (proportional set size): %sall %,d
                """, footprint.window().toSeconds(), idle, footprint.idleTotal(), memory, footprint.memoryBytes() >> 20);
    }

    private String windows(Bench.Run run) {
        return phase("At maximum: " + VOLUNTEERS_AT_MOST + " volunteers, each ordering again once her last is assigned",
                run.atMost())
                + String.format("intake POST with the loop running (%d volunteers back to back, %d s): %,.1f req/s, p50 / p95"
                        + " / p99 %s%s%n", HTTP_CLIENTS, postWithTheLoop.toSeconds(), run.postWithTheLoop().perSecond(),
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
    private String sideBySide(Bench.Run fresh, Bench.Run withHistory) {
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
                %s""", title, figures.placed(), figures.seconds(), figures.post().perSecond(),
                figures.post().latencies().summary(), figures.post().failures(), figures.assignedPerSecond(),
                figures.assigned().summary(), never(figures.neverAssigned(), "assigned"),
                figures.accepted().summary(), never(figures.neverAccepted(), "accepted"), cpu(figures.cpuPerOrder()),
                notified(figures.notified()));
    }

    /**
     * The window's notifications, from the event that caused each (a new offer's, an accepted order's) to the
     * channel's server: a push as the push service took it, an SMS as the delivery log says the SMSC acknowledged it
     * (recorded once the service's whole round of sends is done: a little late); the push's by the log beside it, to
     * show by how much. Then what became of them per channel.
     */
    private static String notified(Notifications.Figures notified) {
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<String, Notifications.Counts> channel : notified.byChannel().entrySet()) {
            Notifications.Counts c = channel.getValue();
            counts.append(counts.length() == 0 ? "" : "; ").append(String.format("%s sent %,d · failed %,d · repeated"
                    + " %,d", channel.getKey(), c.sent(), c.failed(), c.repeated()))
                    .append(c.unreachable() == 0 ? "" : String.format(" · unreachable %,d", c.unreachable()));
        }
        return String.format("  notifications, event → channel's server: push p50 / p99 %s ms (%,d; by the log %s),"
                + " SMS p50 / p99 %s ms (%,d; by the log)%s%n  notifications of the window's orders, all kinds: %s%s%n",
                p50p99(notified.push()), notified.push().count(), p50p99(notified.pushLogged()),
                p50p99(notified.sms()), notified.sms().count(),
                notified.pushNotFound() == 0 ? "" : String.format("   (%,d pushes sent never reached the push service)",
                        notified.pushNotFound()),
                counts.length() == 0 ? "none" : counts,
                notified.unsent() == 0 ? "" : String.format("   (%,d still unsent: none moved for %d s)",
                        notified.unsent(), OrderLoad.STALLED.toSeconds()));
    }

    /** "12.3 / 45.6": the 50th and 99th percentiles in milliseconds. */
    private static String p50p99(Latencies latencies) {
        return String.format("%.1f / %.1f", latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    private static String never(int orders, String what) {
        return orders == 0 ? "" : String.format("   (%,d never %s: none moved for %d s)", orders, what,
                OrderLoad.STALLED.toSeconds());
    }

    /** What an order costs the system itself: the services, PostgreSQL and the broker, not the load. */
    private static double systemCpu(Map<String, Double> perOrder) {
        return perOrder.entrySet().stream().filter(part -> !APART.contains(part.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** "intake 4.1 · dispatch 2.0 · … · all 12.3 (of which JIT 0.1); load generator and simulated teams 3.0" */
    private static String cpu(Map<String, Double> perOrder) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, Double> part : perOrder.entrySet()) {
            if (!APART.contains(part.getKey())) {
                line.append(String.format("%s %.2f · ", part.getKey().replace("-service", ""), part.getValue()));
            }
        }
        return line.append(String.format("all %.2f (%s %.2f); apart: %s %.2f%s", systemCpu(perOrder), CpuUse.JIT,
                perOrder.get(CpuUse.JIT), CpuUse.LOAD, perOrder.get(CpuUse.LOAD),
                perOrder.containsKey(CpuUse.KEYCLOAK) ? String.format(", %s %.2f", CpuUse.KEYCLOAK,
                        perOrder.get(CpuUse.KEYCLOAK)) : "")).toString();
    }
}
