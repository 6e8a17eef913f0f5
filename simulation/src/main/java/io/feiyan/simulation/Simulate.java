package io.feiyan.simulation;

import io.feiyan.events.Tier;
import io.feiyan.events.Urgency;
import io.feiyan.launcher.demo.CountyPlan;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code deploy/simulate.sh}: a county month on a simulated clock, on dispatch's own routing rule; prints the month's
 * table and writes it, with its picture, beside each other.
 *
 * <pre>
 * deploy/simulate.sh [--seed N] [--month 2027-01] [--demand x2] [--without TEAM]... [--capacity TEAM|all=N]...
 *                    [--villages 660] [--residents 15] [--out simulation-results] [--from-running FEEDBACK_URL]
 *                    [--decline 0.08] [--answer TIER=90m]... [--hours 7-21] [--days-off TIER=sat+sun|none]...
 *                    [--several N] [--several-for critical+urgent|none] [--activities on|off]
 *                    [--operator 30m|none] [--office 8-18] [--dispatch one-at-a-time]
 * </pre>
 *
 * {@code --from-running} takes the demand of a running system's month (by default the last one) from its feedback
 * service's metrics, with the token in {@code FEIYAN_TOKEN_ANALYST} ({@code source data/tokens.env}).
 */
public final class Simulate {
    private static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    /** What the run is asked for. */
    record Options(long seed, YearMonth month, double demand, List<String> without, List<String> capacities,
            int villages, int residentsPerVillage, Path out, Path root, URI fromRunning, Behaviour behaviour,
            Operator operator, UnaryOperator<Dispatching> dispatching) {

        static Options parse(String... args) {
            long seed = 1;
            YearMonth month = null;
            URI fromRunning = null;
            Behaviour behaviour = Behaviour.defaults();
            Operator operator = Operator.defaults();
            UnaryOperator<Dispatching> dispatching = UnaryOperator.identity();
            double demand = 1;
            List<String> without = new ArrayList<>();
            List<String> capacities = new ArrayList<>();
            int villages = CountyPlan.FULL_VILLAGES;
            int residents = CountyPlan.DEFAULT_RESIDENTS_PER_VILLAGE;
            Path out = Path.of("simulation-results");
            Path root = Path.of(".");
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                try {
                    switch (option) {
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--month" -> month = YearMonth.parse(value);
                        case "--demand" -> demand = Double.parseDouble(value.startsWith("x") ? value.substring(1) : value);
                        case "--without" -> without.add(value);
                        case "--capacity" -> capacities.add(value);
                        case "--villages" -> villages = Integer.parseInt(value);
                        case "--residents" -> residents = Integer.parseInt(value);
                        case "--out" -> out = Path.of(value);
                        case "--root" -> root = Path.of(value);
                        case "--from-running" -> fromRunning = address(value);
                        case "--decline" -> behaviour = behaviour.declining(Double.parseDouble(value));
                        case "--answer" -> behaviour = behaviour.answering(tier(option, value),
                                duration(option + " TIER=TIME,", value.substring(value.indexOf('=') + 1)));
                        case "--hours" -> {
                            int[] hours = hours(option, value);
                            behaviour = behaviour.awake(hours[0], hours[1]);
                        }
                        case "--days-off" -> behaviour = behaviour.off(tier(option, value), days(value));
                        case "--several" -> {
                            int teams = Integer.parseInt(value);
                            dispatching = dispatching.andThen(d -> d.offeringToSeveral(d.offerToSeveral(), teams))::apply;
                        }
                        case "--several-for" -> {
                            Set<Urgency> urgencies = urgencies(value);
                            dispatching = dispatching.andThen(d -> d.offeringToSeveral(urgencies, d.teams()))::apply;
                        }
                        case "--activities" -> {
                            boolean on = onOrOff(option, value);
                            dispatching = dispatching.andThen(d -> d.grouping(on))::apply;
                        }
                        case "--dispatch" -> {
                            if (!value.equals("one-at-a-time")) {
                                throw new IllegalArgumentException("--dispatch one-at-a-time, not " + value);
                            }
                            dispatching = d -> Dispatching.oneAtATime();
                            operator = Operator.nobody();
                        }
                        case "--operator" -> operator = value.equals("none") ? Operator.nobody()
                                : operator.answering(duration("--operator", value));
                        case "--office" -> {
                            int[] hours = hours(option, value);
                            operator = operator.inOffice(hours[0], hours[1]);
                        }
                        default -> throw new IllegalArgumentException("no option " + option);
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new IllegalArgumentException(option + " " + value + ": not a " + switch (option) {
                        case "--month" -> "month such as 2027-01";
                        case "--demand" -> "factor such as x2";
                        default -> "number";
                    });
                }
            }
            if (month == null) {
                // a running system's last month; else the month the defaults and the README's table are of
                month = fromRunning != null ? YearMonth.now(COUNTY_TIME).minusMonths(1) : YearMonth.of(2027, 1);
            }
            return new Options(seed, month, demand, without, capacities, villages, residents, out, root, fromRunning,
                    behaviour, operator, dispatching);
        }

        /** The hours of {@code FROM-TO}, such as 7-21. */
        private static int[] hours(String option, String value) {
            String[] hours = value.split("-", 2);
            if (hours.length != 2) {
                throw new IllegalArgumentException(option + " FROM-TO, such as 7-21, not " + value);
            }
            return new int[] {Integer.parseInt(hours[0]), Integer.parseInt(hours[1])};
        }

        private static boolean onOrOff(String option, String value) {
            if (!value.equals("on") && !value.equals("off")) {
                throw new IllegalArgumentException(option + " on or off, not " + value);
            }
            return value.equals("on");
        }

        /** The urgencies of {@code critical+urgent}, or none. */
        private static Set<Urgency> urgencies(String value) {
            if (value.equals("none")) {
                return Set.of();
            }
            Set<Urgency> urgencies = EnumSet.noneOf(Urgency.class);
            for (String name : value.split("\\+")) {
                urgencies.add(Arrays.stream(Urgency.values()).filter(u -> u.name().equalsIgnoreCase(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("--several-for URGENCIES, such as"
                                + " critical+urgent or none, not " + value)));
            }
            return urgencies;
        }

        /** The tier of {@code TIER=...}. */
        private static Tier tier(String option, String value) {
            String name = value.split("=", 2)[0].toUpperCase(Locale.ROOT);
            if (!value.contains("=") || Arrays.stream(Tier.values()).noneMatch(tier -> tier.name().equals(name))) {
                throw new IllegalArgumentException(option + " TIER=..., TIER village, town or county, not " + value);
            }
            return Tier.valueOf(name);
        }

        /** The duration of {@code 20m} (minutes, hours or days). */
        private static Duration duration(String option, String amount) {
            if (!amount.matches("\\d+[mhd]") || amount.startsWith("0")) {
                throw new IllegalArgumentException(option + " TIME, TIME such as 20m, 2h or 1d, not " + amount);
            }
            long n = Long.parseLong(amount.substring(0, amount.length() - 1));
            return switch (amount.charAt(amount.length() - 1)) {
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }

        /** The days of {@code TIER=sat+sun}, or none. */
        private static Set<DayOfWeek> days(String value) {
            String days = value.substring(value.indexOf('=') + 1).toLowerCase(Locale.ROOT);
            if (days.equals("none")) {
                return Set.of();
            }
            Set<DayOfWeek> off = EnumSet.noneOf(DayOfWeek.class);
            for (String day : days.split("\\+")) {
                off.add(Arrays.stream(DayOfWeek.values()).filter(d -> d.name().toLowerCase(Locale.ROOT).startsWith(day)
                        && day.length() >= 2).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "--days-off TIER=DAYS, DAYS such as sat+sun or none, not " + value)));
            }
            if (off.size() == DayOfWeek.values().length) {
                throw new IllegalArgumentException("--days-off " + value + ": a tier off every day answers nothing;"
                        + " --without takes its teams away");
            }
            return off;
        }

        private static URI address(String value) {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--from-running " + value
                        + ": not the address of a feedback service, such as http://localhost:8084");
            }
            return uri;
        }
    }

    private Simulate() {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            System.err.println("usage: deploy/simulate.sh [--seed N] [--month 2027-01] [--demand x2] [--without TEAM]..."
                    + " [--capacity TEAM|all=N]... [--villages 660] [--residents 15] [--out simulation-results]"
                    + " [--from-running FEEDBACK_URL] [--decline 0.08] [--answer TIER=90m]... [--hours 7-21]"
                    + " [--days-off TIER=sat+sun|none]... [--several N] [--several-for critical+urgent|none]"
                    + " [--activities on|off] [--operator 30m|none] [--office 8-18] [--dispatch one-at-a-time]");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        System.out.printf("Simulating %s in the county of %d villages (seed %d, demand x%s)...%n", options.month(),
                options.villages(), options.seed(), options.demand());
        County county = county(options);
        MonthClock clock = new MonthClock(options.month(), COUNTY_TIME);
        Random random = new Random(options.seed());
        List<Demand.Need> needs = options.fromRunning() == null
                ? Demand.defaults().times(options.demand()).needs(county, clock, random)
                : fromRunning(options, county, clock, random);
        System.out.printf("  %d teams, %d residents, %d orders in the month%n", county.teams().size(),
                county.residents().size(), needs.size());
        System.out.printf("  %s%n", options.behaviour().describe());
        System.out.printf("  %s; %s%n", county.dispatching().describe(), options.operator().describe());
        Month.Result month = Month.simulate(county, options.behaviour(), options.operator(), clock, needs, random);
        Figures figures = new Figures(month, county);
        String table = figures.table();
        System.out.println();
        System.out.print(table);
        Files.createDirectories(options.out());
        String name = String.format(Locale.ROOT, "month-%s-seed%d", options.month(), options.seed());
        Path tableFile = options.out().resolve(name + ".txt");
        Path pictureFile = options.out().resolve(name + ".svg");
        Files.writeString(tableFile, table);
        Files.writeString(pictureFile, Picture.svg(month, String.format(Locale.ROOT,
                "Tancheng county, %s (simulated, seed %d): %d orders", options.month(), options.seed(),
                needs.size())));
        System.out.printf("%nWritten: %s and %s (%.1f s)%n", tableFile, pictureFile,
                (System.nanoTime() - started) / 1e9);
    }

    /** The running system's month of demand, as needs of the simulated county; says what it left out. */
    private static List<Demand.Need> fromRunning(Options options, County county, MonthClock clock, Random random)
            throws IOException {
        String token = System.getenv("FEIYAN_TOKEN_ANALYST");
        if (token == null || token.isBlank()) {
            System.err.println("simulate: --from-running needs an analyst's token in FEIYAN_TOKEN_ANALYST"
                    + " (the local run writes it: source data/tokens.env)");
            System.exit(2);
        }
        RunningDemand.Month running;
        try {
            running = RunningDemand.of(options.fromRunning(), token, options.month());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        List<Demand.Need> needs = Demand.defaults().times(options.demand()).needs(running.ordered(), county, clock,
                random);
        System.out.printf("  demand of %s at %s: %d orders of catalogue projects, %d in residents' own words (left out:"
                + " routing places projects)%s%n", options.month(), options.fromRunning(), running.orders(),
                running.inOwnWords(), running.orders() + running.inOwnWords() == 0
                        ? "; nothing was ordered that month: --month YYYY-MM takes another" : "");
        return needs;
    }

    static County county(Options options) {
        County county = County.of(options.root(), options.seed(), options.villages(), options.residentsPerVillage());
        county = county.dispatching(options.dispatching().apply(county.dispatching()));
        for (String team : options.without()) {
            county = county.without(team);
        }
        for (String capacity : options.capacities()) {
            String[] parts = capacity.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("--capacity TEAM=N, not " + capacity);
            }
            // all=N: every team at once (all=100000: room never runs out, a bound on what capacity can do)
            for (String team : parts[0].equals("all") ? List.copyOf(county.teams().keySet()) : List.of(parts[0])) {
                county = county.withCapacity(team, Integer.parseInt(parts[1]));
            }
        }
        return county;
    }
}
