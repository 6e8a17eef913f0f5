package io.feiyan.simulation;

import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.launcher.demo.CountyPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The month's dispatch measures (README "Dispatch quality" defines each), for the county and each town: the share of
 * orders served at each tier and at the lowest tier that had a capable team when the order arrived; time from placed
 * to assigned and to accepted (p50, p90); orders that waited unserved, and how long; deadlines missed, and whether
 * each was escalated; each team's load against the mean of the teams that could have taken the same orders.
 */
public final class Figures {
    /** One row of the table: a town, or the county. */
    public record Row(String region, int orders, int served, Map<Tier, Double> servedAt, double atLowestCapableTier,
            long assignedP50, long assignedP90, long acceptedP50, long acceptedP90, int unserved, long longestUnserved,
            int deadlinesMissed, int missedNotEscalated) {
    }

    /** A team's load: the orders it served, against its fair share of those any of its peers could have taken. */
    public record Load(String team, int served, double fairShare) {
        public double ratio() {
            return fairShare == 0 ? 0 : served / fairShare;
        }
    }

    private final Month.Result month;
    private final County county;
    private final List<Row> towns = new ArrayList<>();
    private final Row total;
    private final List<Load> loads;

    public Figures(Month.Result month, County county) {
        this.month = month;
        this.county = county;
        Map<String, List<Month.Outcome>> byTown = month.outcomes().stream()
                .collect(Collectors.groupingBy(Month.Outcome::townCode, TreeMap::new, Collectors.toList()));
        long end = month.clock().end();
        byTown.forEach((town, outcomes) -> towns.add(row(town, outcomes, end)));
        total = row(CountyPlan.COUNTY, month.outcomes(), end);
        loads = measureLoads();
    }

    public Row total() {
        return total;
    }

    public List<Row> towns() {
        return towns;
    }

    public List<Load> loads() {
        return loads;
    }

    /**
     * The p90 of placed → accepted for orders of this urgency, in seconds; an order not accepted by the month's end
     * counts as waiting until then (at least: the figure is never flattered by what was never served).
     */
    public long acceptedP90(Urgency urgency) {
        return percentile(waits(month.outcomes().stream().filter(o -> o.need().urgency() == urgency).toList(),
                Month.Outcome::acceptedAt, month.clock().end()), 0.9);
    }

    /** The highest load ratio of a team with a fair share of at least five orders. */
    public double highestLoadRatio() {
        return loads.stream().filter(load -> load.fairShare() >= 5).mapToDouble(Load::ratio).max().orElse(0);
    }

    private static Row row(String region, List<Month.Outcome> outcomes, long end) {
        List<Month.Outcome> served = outcomes.stream().filter(Month.Outcome::accepted).toList();
        Map<Tier, Double> servedAt = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            servedAt.put(tier, share(served, o -> o.servedAt() == tier));
        }
        List<Month.Outcome> unserved = outcomes.stream().filter(Month.Outcome::everUnserved).toList();
        return new Row(region, outcomes.size(), served.size(), servedAt,
                share(served, o -> o.servedAt() == o.lowestCapable()),
                percentile(waits(outcomes, Month.Outcome::firstAssignedAt, end), 0.5),
                percentile(waits(outcomes, Month.Outcome::firstAssignedAt, end), 0.9),
                percentile(waits(outcomes, Month.Outcome::acceptedAt, end), 0.5),
                percentile(waits(outcomes, Month.Outcome::acceptedAt, end), 0.9),
                unserved.size(), unserved.stream().mapToLong(Month.Outcome::unservedWait).max().orElse(0),
                (int) outcomes.stream().filter(Month.Outcome::deadlineMissed).count(),
                (int) outcomes.stream().filter(o -> o.deadlineMissed() && !o.escalatedAfterDeadline()).count());
    }

    /** How long each order waited from placement to a moment; one that never came, until the month's end. */
    private static List<Long> waits(List<Month.Outcome> outcomes, ToLongFunction<Month.Outcome> moment, long end) {
        return outcomes.stream().map(o -> (moment.applyAsLong(o) >= 0 ? moment.applyAsLong(o) : end) - o.need().at())
                .toList();
    }

    /**
     * Each team's served orders against its fair share: every served order is shared out equally among the peers of
     * the assignment it was served by (routing's {@code Capable.peersOf}, as dispatch says them and feedback counts
     * them): the teams of that tier, in its region, that offer its project — those that could have taken it.
     */
    private List<Load> measureLoads() {
        Map<String, Integer> served = new HashMap<>();
        Map<String, Double> fair = new HashMap<>();
        for (Month.Outcome o : month.outcomes()) {
            if (!o.accepted()) {
                continue;
            }
            served.merge(o.team(), 1, Integer::sum);
            o.peers().forEach(peer -> fair.merge(peer, 1.0 / o.peers().size(), Double::sum));
        }
        return fair.entrySet().stream().map(e -> new Load(e.getKey(), served.getOrDefault(e.getKey(), 0), e.getValue()))
                .sorted(Comparator.comparingDouble(Load::ratio).reversed().thenComparing(Load::team)).toList();
    }

    /** The month as a table, by town then the county, with the goals' figures and the bottlenecks under it. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %7s %7s %7s %7s %8s %13s %13s %14s %13s%n", "region", "orders",
                "village", "town", "county", "lowest", "assigned p50/90", "accepted p50/90", "unserved (max)",
                "deadlines missed (not escalated)"));
        for (Row row : towns) {
            out.append(line(row));
        }
        out.append(line(total));
        out.append(String.format(Locale.ROOT, "%nserved at the lowest tier that had a capable team: %.1f %% (goal >= 85 %%)%n",
                100 * total.atLowestCapableTier()));
        out.append(String.format(Locale.ROOT, "deadlines passed without an escalation: %d (goal 0)%n",
                total.missedNotEscalated()));
        out.append(String.format(Locale.ROOT, "highest team load against its peers' mean: %.2f x (goal <= 1.5)%n",
                highestLoadRatio()));
        for (Urgency urgency : Urgency.values()) {
            out.append(String.format(Locale.ROOT, "p90 placed -> accepted, %-8s %9s (goal under %s)%n", urgency,
                    duration(acceptedP90(urgency)), duration(county.acceptWithin(urgency).toSeconds())));
        }
        List<Month.Outcome> waiting = month.outcomes().stream().filter(o -> !o.accepted()).toList();
        out.append(String.format(Locale.ROOT, "not accepted by the month's end: %d, of which %d in the last %s, %d "
                        + "unserved (waiting for an operator or a team with room)%n", waiting.size(),
                waiting.stream().filter(o -> month.clock().end() - o.need().at() < MonthClock.DAY).count(),
                "day", waiting.stream().filter(o -> o.firstAssignedAt() < 0 || o.everUnserved()).count()));
        out.append(activitiesAndQueue());
        out.append("\nbusiest teams against their peers (served / fair share):\n");
        loads.stream().filter(load -> load.fairShare() >= 5).limit(5).forEach(load -> out.append(String.format(
                Locale.ROOT, "  %-28s %5d / %7.1f = %.2f x%n", load.team(), load.served(), load.fairShare(), load.ratio())));
        out.append("teams that passed most orders on (declined or let the time to accept pass):\n");
        count(o -> o.passedBy().stream()).entrySet().stream().limit(5).forEach(e -> out.append(String.format(
                Locale.ROOT, "  %-28s %5d%n", e.getKey(), e.getValue())));
        out.append("projects whose orders waited unserved most often:\n");
        count(o -> o.everUnserved() ? Stream.of(o.need().projectCode()) : Stream.empty())
                .entrySet().stream().limit(5).forEach(e -> out.append(String.format(Locale.ROOT, "  %-28s %5d%n",
                        e.getKey(), e.getValue())));
        return out.toString();
    }

    /** What grouping, offers to several and the operators did. */
    private String activitiesAndQueue() {
        StringBuilder out = new StringBuilder();
        Month.Visits county = month.visits().get(Tier.COUNTY);
        int held = month.visits().values().stream().mapToInt(Month.Visits::held).sum();
        int residents = month.visits().values().stream().mapToInt(Month.Visits::residents).sum();
        out.append(String.format(Locale.ROOT, "activities held: %d, serving %d residents; a county team's visit"
                        + " serves %.2f residents (%d of its visits activities)%n", held, residents,
                countyResidentsPerVisit(), county.held()));
        out.append(String.format(Locale.ROOT, "offers withdrawn (another team took the order first): %d%n",
                month.offersWithdrawn()));
        List<Long> waits = month.queueWaits();
        out.append(String.format(Locale.ROOT, "operators' queue: %d cases entered, %d operator actions; waited in it"
                        + " p50 %s, p90 %s, longest %s%n", waits.size(), month.operatorActions(),
                duration(percentile(waits, 0.5)), duration(percentile(waits, 0.9)),
                duration(waits.stream().mapToLong(Long::longValue).max().orElse(-1))));
        return out.toString();
    }

    /**
     * The residents a county team's visit serves: the activities county teams held this month and the orders they
     * accepted to serve alone, each one visit, over the residents those visits serve.
     */
    public double countyResidentsPerVisit() {
        long alone = month.outcomes().stream().filter(o -> o.servedAt() == Tier.COUNTY && !o.inActivity()).count();
        Month.Visits held = month.visits().get(Tier.COUNTY);
        long visits = alone + held.held();
        return visits == 0 ? 0 : (double) (alone + held.residents()) / visits;
    }

    private Map<String, Long> count(Function<Month.Outcome, Stream<String>> what) {
        Map<String, Long> counts = month.outcomes().stream().flatMap(what)
                .collect(Collectors.groupingBy(x -> x, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static String line(Row row) {
        return String.format(Locale.ROOT, "%-10s %7d %6.1f%% %6.1f%% %6.1f%% %7.1f%% %15s %15s %7d (%5s) %8d (%d)%n",
                row.region(), row.orders(), 100 * row.servedAt().get(Tier.VILLAGE), 100 * row.servedAt().get(Tier.TOWN),
                100 * row.servedAt().get(Tier.COUNTY), 100 * row.atLowestCapableTier(),
                duration(row.assignedP50()) + "/" + duration(row.assignedP90()),
                duration(row.acceptedP50()) + "/" + duration(row.acceptedP90()), row.unserved(),
                duration(row.longestUnserved()), row.deadlinesMissed(), row.missedNotEscalated());
    }

    /** Seconds, as a person reads them: 45s, 12m, 3.5h, 2.1d. */
    static String duration(long seconds) {
        if (seconds < 0) {
            return "-";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%.1fh", seconds / 3_600.0);
        }
        return String.format(Locale.ROOT, "%.1fd", seconds / 86_400.0);
    }

    private static double share(List<Month.Outcome> outcomes, Predicate<Month.Outcome> which) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(which).count() / outcomes.size();
    }

    /** The nearest-rank percentile; -1 of nothing. */
    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
