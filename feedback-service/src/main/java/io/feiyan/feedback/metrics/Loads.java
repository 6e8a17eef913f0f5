package io.feiyan.feedback.metrics;

import static io.feiyan.feedback.metrics.MetricsQuery.byKey;
import static io.feiyan.feedback.metrics.MetricsQuery.key;
import static io.feiyan.feedback.metrics.MetricsQuery.labels;
import static io.feiyan.feedback.metrics.MetricsQuery.number;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Whether dispatch shares the work fairly: each team's load against its fair share. */
@ApplicationScoped
@Transactional
public class Loads {
    private final MetricsQuery query;

    Loads(MetricsQuery query) {
        this.query = query;
    }

    /**
     * Each team's load against its fair share, by the month an order was placed (README "Dispatch quality"): the
     * orders it served, and its share of the served orders it could have taken — each shared equally among the peers
     * its assignment named, the teams of its tier that could have taken it (assignments that named none, made before
     * dispatch said them, are left out). Always by team; the busiest first.
     */
    public MetricsTable count(Selection selection) {
        List<Dimension> by = new ArrayList<>(selection.by());
        by.remove(Dimension.TEAM);
        by.add(Dimension.TEAM);
        String sql = query.select(by, "o.placed_at") + """
                sum(team.served), sum(team.fair)
                from metric_order o
                """ + MetricsQuery.SERVED_BY + """
                cross join lateral (select acc.team_code, 1 as served, 0.0 as fair
                        union all select peer, 0, 1.0 / cardinality(acc.peers) from unnest(acc.peers) peer) team
                where cardinality(acc.peers) > 0""";
        List<List<Object>> rows = new ArrayList<>();
        int others = by.size() - 1;
        for (Object[] row : query.rows(sql, "o.placed_at", new Selection(by, selection.from(), selection.to(),
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
}
