package io.feiyan.feedback.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The three rates and the demand, counted from the facts of {@link OrderFacts} when asked, so they always
 * agree with the topics. The definitions (also in the API docs):
 * <ul>
 * <li><b>response rate</b> (响应率) = assignments accepted in time ÷ assignments made. Every OrderAssigned is
 * one assignment (a reassignment after a decline or a missed time is another; asking again a team that let the
 * order's time pass, no other team being left, is not); it was accepted in time if
 * the same team's OrderAccepted for that order came between the assignment and its time to accept
 * ({@code acceptBy}), before any later assignment of the order. Counted in the month of the assignment, for the team assigned.</li>
 * <li><b>resolution rate</b> (解决率) = orders resolved ÷ orders approved. An order is approved once
 * (OrderApproved: by an operator, or needing no review; rejected orders never are); it is resolved if it
 * has been completed and never reopened. Counted in the month of approval, for the team it was last
 * assigned to.</li>
 * <li><b>satisfaction rate</b> (满意率) = ratings of 4 or 5 ÷ ratings given. Counted in the month of the
 * rating, for the team whose delivery was rated.</li>
 * </ul>
 * Demand counts orders placed (and among them those in the resident's own words, naming no project) in the
 * month they were placed.
 */
@ApplicationScoped
@Transactional
public class Metrics {
    private static final List<Rate> RATES = List.of(
            new Rate("ASSIGNED", "cross join lateral (select base.team_code as team_code) team", """
                    exists (select 1 from metric_step a where a.order_id = base.order_id and a.step = 'ACCEPTED'
                            and a.team_code = base.team_code and a.at between base.at and base.due
                            and not exists (select 1 from metric_step later where later.order_id = base.order_id
                                    and later.step = 'ASSIGNED' and later.at > base.at and later.at <= a.at))""",
                    "assigned", "acceptedInTime", "responseRate"),
            new Rate("APPROVED", """
                    left join lateral (select s.team_code from metric_step s where s.order_id = base.order_id
                            and s.step = 'ASSIGNED' order by s.at desc limit 1) team on true""", """
                    exists (select 1 from metric_step c where c.order_id = base.order_id and c.step = 'COMPLETED')
                    and not exists (select 1 from metric_step r where r.order_id = base.order_id and r.step = 'REOPENED')""",
                    "approved", "resolved", "resolutionRate"),
            new Rate("RATED", """
                    left join lateral (select s.team_code from metric_step s where s.order_id = base.order_id
                            and s.step = 'COMPLETED' and s.at <= base.at order by s.at desc limit 1) team on true""",
                    "base.score >= 4", "rated", "satisfied", "satisfactionRate"));

    /**
     * The assignment an order was served by: the team's last acceptance ({@code at}, {@code team_code}) and the
     * assignment it accepted (its {@code tier}, {@code deadline} and {@code peers}); none for an order never accepted.
     */
    private static final String SERVED_BY = """
            left join lateral (select a.at, a.team_code, asg.tier, asg.deadline, asg.peers from metric_step a
                    join lateral (select s.tier, s.deadline, s.peers from metric_step s where s.order_id = a.order_id
                            and s.step = 'ASSIGNED' and s.team_code = a.team_code and s.at <= a.at
                            order by s.at desc limit 1) asg on true
                    where a.order_id = o.order_id and a.step = 'ACCEPTED' order by a.at desc limit 1) acc on true
            """;

    /** One rate: its counted step, which team it names, when a counted step meets it, its column names. */
    private record Rate(String step, String team, String met, String counted, String meeting, String rate) {
    }

    /** Which figures: broken down by {@code by}, months {@code from} to {@code to}, in a region (each optional). */
    public record Selection(List<Dimension> by, YearMonth from, YearMonth to, String region) {
    }

    private final EntityManager entityManager;
    private final ZoneId zone;

    Metrics(EntityManager entityManager, @ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        if (zone instanceof ZoneOffset || zone.getId().matches("(UTC|GMT|UT)[+-].*")) {
            // PostgreSQL reads a bare offset the POSIX way, east and west swapped, so months would shift
            throw new IllegalArgumentException("feiyan.time-zone is " + zone
                    + ": the metrics need a named zone such as Asia/Shanghai");
        }
        this.entityManager = entityManager;
        this.zone = zone;
    }

    public MetricsTable rates(Selection selection) {
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        for (int r = 0; r < RATES.size(); r++) {
            Rate rate = RATES.get(r);
            String sql = select(selection.by(), "base.at") + "count(*), count(*) filter (where " + rate.met() + ")"
                    + " from metric_step base left join metric_order o on o.order_id = base.order_id " + rate.team()
                    + " where base.step = '" + rate.step() + "' and base.asked_again is not true";
            for (Object[] row : rows(sql, "base.at", selection)) {
                long[] figures = counts.computeIfAbsent(key(row, selection.by().size()), k -> new long[RATES.size() * 2]);
                figures[2 * r] = number(row[row.length - 2]);
                figures[2 * r + 1] = number(row[row.length - 1]);
            }
        }
        List<String> columns = labels(selection.by());
        for (Rate rate : RATES) {
            columns.addAll(List.of(rate.counted(), rate.meeting(), rate.rate()));
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((key, figures) -> {
            List<Object> row = new ArrayList<>(key);
            for (int r = 0; r < RATES.size(); r++) {
                row.addAll(Arrays.asList(figures[2 * r], figures[2 * r + 1], ratio(figures[2 * r + 1], figures[2 * r])));
            }
            rows.add(row);
        });
        rows.sort(byKey(selection.by().size()));
        return new MetricsTable(columns, rows);
    }

    public MetricsTable demand(Selection selection) {
        String sql = select(selection.by(), "o.placed_at")
                + "count(*), count(*) filter (where o.project_code is null) from metric_order o where true";
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : rows(sql, "o.placed_at", selection)) {
            List<Object> values = key(row, selection.by().size());
            values.add(number(row[row.length - 2]));
            values.add(number(row[row.length - 1]));
            rows.add(values);
        }
        rows.sort(byKey(selection.by().size()));
        List<String> columns = labels(selection.by());
        columns.addAll(List.of("orders", "freeText"));
        return new MetricsTable(columns, rows);
    }

    /**
     * Dispatch's quality (README "Dispatch quality" defines each figure), by the month an order was placed: where the
     * orders were served (the tier of the assignment the team accepted last), whether at the lowest tier that had a
     * capable team (as dispatch saw it at the first assignment), how long from placed to the first assignment and to
     * the first acceptance (an order not yet assigned or accepted counts as waiting until now; one withdrawn first —
     * cancelled, or rejected at review — is left out), the orders that waited unserved and the longest such wait (to
     * the next assignment, or the withdrawal, or now), and the deadlines of accepted assignments that passed before
     * delivery, and how many of those were never escalated.
     */
    public MetricsTable dispatch(Selection selection) {
        String sql = select(selection.by(), "o.placed_at") + """
                count(*), count(acc.at),
                count(*) filter (where acc.tier = 'VILLAGE'), count(*) filter (where acc.tier = 'TOWN'),
                count(*) filter (where acc.tier = 'COUNTY'),
                count(*) filter (where acc.tier is not null and acc.tier = fa.lowest_tier),
                percentile_disc(0.5) within group (order by extract(epoch from coalesce(fa.at, now()) - o.placed_at))
                        filter (where fa.at is not null or wd.at is null),
                percentile_disc(0.9) within group (order by extract(epoch from coalesce(fa.at, now()) - o.placed_at))
                        filter (where fa.at is not null or wd.at is null),
                percentile_disc(0.5) within group (order by extract(epoch from coalesce(fac.at, now()) - o.placed_at))
                        filter (where fac.at is not null or wd.at is null),
                percentile_disc(0.9) within group (order by extract(epoch from coalesce(fac.at, now()) - o.placed_at))
                        filter (where fac.at is not null or wd.at is null),
                count(un.longest), max(un.longest),
                count(*) filter (where acc.deadline < coalesce(done.at, now())),
                count(*) filter (where acc.deadline < coalesce(done.at, now()) and not exists (select 1
                        from metric_step e where e.order_id = o.order_id and e.step = 'ESCALATED'
                        and e.reason = 'DEADLINE_PASSED' and e.at >= acc.deadline))
                from metric_order o
                left join lateral (select s.at, s.lowest_tier from metric_step s where s.order_id = o.order_id
                        and s.step = 'ASSIGNED' order by s.at limit 1) fa on true
                left join lateral (select min(s.at) as at from metric_step s where s.order_id = o.order_id
                        and s.step = 'ACCEPTED') fac on true
                left join lateral (select min(w.at) as at from metric_step w where w.order_id = o.order_id
                        and w.step in ('CANCELLED', 'REJECTED')) wd on true
                left join lateral (select max(extract(epoch from greatest(u.at, coalesce((select min(a.at)
                                from metric_step a where a.order_id = u.order_id and a.step = 'ASSIGNED'
                                and a.at >= u.at), wd.at, now())) - u.at)) as longest
                        from metric_step u where u.order_id = o.order_id and u.step = 'UNSERVED') un on true
                """ + SERVED_BY + """
                left join lateral (select min(c.at) as at from metric_step c where c.order_id = o.order_id
                        and c.step = 'COMPLETED' and c.at >= acc.at) done on true
                cross join lateral (select acc.team_code) team
                where true""";
        List<List<Object>> rows = new ArrayList<>();
        int by = selection.by().size();
        for (Object[] row : rows(sql, "o.placed_at", selection)) {
            List<Object> values = key(row, by);
            long orders = number(row[by]);
            long served = number(row[by + 1]);
            values.addAll(Arrays.asList(orders, served, ratio(number(row[by + 2]), served),
                    ratio(number(row[by + 3]), served), ratio(number(row[by + 4]), served),
                    ratio(number(row[by + 5]), served), minutes(row[by + 6]), minutes(row[by + 7]),
                    minutes(row[by + 8]), minutes(row[by + 9]), number(row[by + 10]), minutes(row[by + 11]),
                    number(row[by + 12]), number(row[by + 13])));
            rows.add(values);
        }
        rows.sort(byKey(by));
        List<String> columns = labels(selection.by());
        columns.addAll(List.of("orders", "served", "servedInVillage", "servedInTown", "servedInCounty",
                "servedAtLowestCapableTier", "assignedP50Minutes", "assignedP90Minutes", "acceptedP50Minutes",
                "acceptedP90Minutes", "waitedUnserved", "unservedLongestMinutes", "deadlinesMissed",
                "deadlinesMissedNotEscalated"));
        return new MetricsTable(columns, rows);
    }

    /**
     * Each team's load against its fair share, by the month an order was placed (README "Dispatch quality"): the
     * orders it served, and its share of the served orders it could have taken — each shared equally among the peers
     * its assignment named, the teams of its tier that could have taken it (assignments that named none, made before
     * dispatch said them, are left out). Always by team; the busiest first.
     */
    public MetricsTable loads(Selection selection) {
        List<Dimension> by = new ArrayList<>(selection.by());
        by.remove(Dimension.TEAM);
        by.add(Dimension.TEAM);
        String sql = select(by, "o.placed_at") + """
                sum(team.served), sum(team.fair)
                from metric_order o
                """ + SERVED_BY + """
                cross join lateral (select acc.team_code, 1 as served, 0.0 as fair
                        union all select peer, 0, 1.0 / cardinality(acc.peers) from unnest(acc.peers) peer) team
                where cardinality(acc.peers) > 0""";
        List<List<Object>> rows = new ArrayList<>();
        int others = by.size() - 1;
        for (Object[] row : rows(sql, "o.placed_at", new Selection(by, selection.from(), selection.to(),
                selection.region()))) {
            List<Object> values = key(row, by.size());
            long served = number(row[by.size()]);
            BigDecimal fair = (BigDecimal) row[by.size() + 1];
            values.addAll(Arrays.asList(served, fair.setScale(2, RoundingMode.HALF_UP), fair.signum() == 0 ? null
                    : BigDecimal.valueOf(served).divide(fair, 2, RoundingMode.HALF_UP)));
            rows.add(values);
        }
        Comparator<List<Object>> busiest = Comparator.comparing(row -> (BigDecimal) row.get(row.size() - 1),
                Comparator.nullsLast(Comparator.reverseOrder()));
        rows.sort(byKey(others).thenComparing(busiest).thenComparing(byKey(by.size())));
        List<String> columns = labels(by);
        columns.addAll(List.of("served", "fairShare", "load"));
        return new MetricsTable(columns, rows);
    }

    /** Seconds, in whole minutes; null for none. */
    private static Long minutes(Object seconds) {
        return seconds == null ? null : Math.round(((Number) seconds).doubleValue() / 60);
    }

    /** {@code select} and the dimensions' columns, each followed by a comma. */
    private String select(List<Dimension> by, String when) {
        StringBuilder select = new StringBuilder("select ");
        by.forEach(dimension -> select.append(dimension.sql(when, zone.getId())).append(", "));
        return select.toString();
    }

    /** Runs the query with the selection's months and region, grouped by its dimensions. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String when, Selection selection) {
        StringBuilder query = new StringBuilder(sql);
        List<Object> parameters = new ArrayList<>();
        if (selection.from() != null) {
            query.append(" and ").append(when).append(" >= ?").append(parameters.size() + 1);
            parameters.add(start(selection.from()));
        }
        if (selection.to() != null) {
            query.append(" and ").append(when).append(" < ?").append(parameters.size() + 1);
            parameters.add(start(selection.to().plusMonths(1)));
        }
        if (selection.region() != null) {
            query.append(" and o.village_code like ?").append(parameters.size() + 1);
            parameters.add(selection.region() + "%");
        }
        for (int i = 1; i <= selection.by().size(); i++) {
            query.append(i == 1 ? " group by " : ", ").append(i);
        }
        Query nativeQuery = entityManager.createNativeQuery(query.toString());
        for (int i = 0; i < parameters.size(); i++) {
            nativeQuery.setParameter(i + 1, parameters.get(i));
        }
        return nativeQuery.getResultList();
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The dimension values of a result row: its first columns. */
    private static List<Object> key(Object[] row, int dimensions) {
        List<Object> key = new ArrayList<>(dimensions);
        for (int i = 0; i < dimensions; i++) {
            key.add(row[i]);
        }
        return key;
    }

    private static List<String> labels(List<Dimension> by) {
        return new ArrayList<>(by.stream().map(Dimension::label).toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** {@code part ÷ whole} to four decimals, or null when nothing was counted. */
    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static Comparator<List<Object>> byKey(int dimensions) {
        Comparator<List<Object>> comparator = (a, b) -> 0;
        for (int i = 0; i < dimensions; i++) {
            int column = i;
            comparator = comparator.thenComparing(row -> Objects.toString(row.get(column), null),
                    Comparator.nullsLast(Comparator.naturalOrder()));
        }
        return comparator;
    }
}
